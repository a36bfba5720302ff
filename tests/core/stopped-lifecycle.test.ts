import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../electron/core/common/app-error';
import { lifecycleFixture } from '../support/lifecycle-fixture';

const closed = (error: unknown): boolean => error instanceof AppError && error.code === 'vault-locked';

/**
 * After a lock, a backup import or quit, the session starts a new lifecycle on the same accounts. A caller that
 * still holds the old one (a gateway request, a CLI refresh-all under way) must not send a refresh token the new
 * one may already have rotated, nor hand out tokens the lock was meant to drop.
 */
describe('a retired lifecycle', () => {
  it('sends no token request and hands out no token once drained', async () => {
    const { lifecycle, client, addAccount } = await lifecycleFixture();
    const account = await addAccount('ACME');
    await lifecycle.drain();
    const sent = client.count();

    await assert.rejects(lifecycle.refresh(account.id), closed);
    await assert.rejects(lifecycle.getFreshAccessToken(account.id, 0), closed);
    const report = await lifecycle.refreshAll();
    assert.equal(report.refreshed, 0);
    assert.deepEqual(report.failed.map((failure) => failure.code), ['vault-locked']);
    assert.equal(client.count(), sent, 'nothing was sent after the stop');
    assert.deepEqual(client.replayedRefreshTokens(), []);
  });

  it('stop() alone only stops the timers: on-demand requests still work, and start() resumes', async () => {
    const { lifecycle, client, addAccount } = await lifecycleFixture();
    const account = await addAccount('ACME');
    lifecycle.stop();
    await lifecycle.refresh(account.id);
    assert.equal(client.count('refresh'), 1);
    lifecycle.retire();
    await lifecycle.start();
    await lifecycle.refresh(account.id);
    assert.equal(client.count('refresh'), 2);
  });
});
