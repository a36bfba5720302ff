import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planImport, toBackupAccount } from '../../electron/core/vault/backup';
import { sampleRecord, sampleSecrets } from './support';

/**
 * A backup's refresh token may still be in use on the PC it came from: an import must never be the second use.
 * Imported accounts are marked as having sent it (refreshSentAt), so the lifecycle exchanges first.
 */
describe('importing a backup never replays its refresh token', () => {
  test('a new account from a backup is marked: its refresh token counts as already sent', () => {
    const exported = sampleRecord({ lastRefreshAt: 1_700_000_100_000 });
    const plan = planImport([], [toBackupAccount(exported, sampleSecrets())], () => 'acct-imported-0001');
    assert.equal(plan.puts.length, 1);
    assert.equal(plan.puts[0]?.record.refreshSentAt, 1_700_000_100_000);
  });

  test('an existing account updated from newer backup tokens is marked too', () => {
    const here = sampleRecord({ lastRefreshAt: 1_700_000_000_000 });
    const newer = { ...here, lastRefreshAt: 1_700_000_900_000 };
    const plan = planImport([{ record: here, secretsReadable: true }], [toBackupAccount(newer, sampleSecrets())], () => 'unused-id-000001');
    const updated = plan.puts.find((put) => put.record.id === here.id);
    assert.ok(updated, 'the newer backup entry updates the account');
    assert.equal(updated.record.refreshSentAt, 1_700_000_900_000);
  });

  test('an entry without a refresh token has nothing to mark', () => {
    const exported = sampleRecord({ lastRefreshAt: null });
    const plan = planImport([], [toBackupAccount(exported, { ...sampleSecrets(), refreshToken: null })], () => 'acct-imported-0002');
    assert.equal(plan.puts[0]?.record.refreshSentAt, null);
  });
});
