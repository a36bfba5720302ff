import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SecretsUnreadableError } from '../../electron/core/tokens/account-storage';
import type { AccountRecord, AccountSecrets } from '../../electron/core/tokens/account-storage';
import { PASSPHRASE, openTestVault, openWithPassphrase, sampleRecord, sampleSecrets, tempDirectory } from './support';
import type { Body } from './vault-file';
import { editNewestLineOf, readVaultLines, writeVaultLines } from './vault-file';

/** Flips one bit of one byte inside the ciphertext (not of its base64 text), so only authentication can notice. */
function flipOneByte(sealed: string): string {
  const [nonce, body] = sealed.split('.');
  const bytes = Buffer.from(body ?? '', 'base64');
  bytes[Math.floor(bytes.length / 3)] = (bytes[Math.floor(bytes.length / 3)] ?? 0) ^ 0x01;
  return `${nonce ?? ''}.${bytes.toString('base64')}`;
}

function secretsOf(body: Body): Record<string, string> {
  return body.secrets as Record<string, string>;
}

describe('vault tampering (format 2: every line authenticated)', () => {
  let dir: { path: string; remove(): Promise<void> };
  let path: string;
  let pristine: string;
  const accounts: { record: AccountRecord; secrets: AccountSecrets }[] = [];

  before(async () => {
    dir = await tempDirectory();
    const vault = await openWithPassphrase(dir.path);
    for (let index = 0; index < 3; index += 1) {
      const entry = { record: sampleRecord({ accessIssuedAt: 1_700_000_000_000, accessExpiresAt: 1_700_000_900_000 }), secrets: sampleSecrets() };
      accounts.push(entry);
      await vault.storage.save(entry.record, entry.secrets);
    }
    path = vault.path;
    await vault.close();
    pristine = await readFile(path, 'utf8');
  });
  beforeEach(async () => {
    await writeFile(path, pristine);
  });
  after(async () => {
    await dir.remove();
  });

  async function reopenAndRead(): Promise<{ results: PromiseSettledResult<AccountSecrets>[]; records: AccountRecord[] }> {
    const vault = await openTestVault(dir.path);
    await vault.unlock(PASSPHRASE);
    const records = await vault.storage.loadRecords();
    const results = await Promise.allSettled(accounts.map((entry) => vault.storage.readSecrets(entry.record.id)));
    await vault.close();
    return { results, records };
  }

  function expectOnlyUnreadable(results: PromiseSettledResult<AccountSecrets>[], unreadable: Set<number>): void {
    results.forEach((result, index) => {
      const entry = accounts[index];
      assert.ok(entry);
      if (unreadable.has(index)) {
        assert.equal(result.status, 'rejected', `account ${index} is refused`);
        const reason: unknown = result.status === 'rejected' ? result.reason : null;
        assert.ok(reason instanceof SecretsUnreadableError, 'a SecretsUnreadableError');
        assert.equal(reason.accountId, entry.record.id);
        assert.match(reason.message, /changed outside the app|failed authentication/u);
      } else {
        assert.deepEqual(result, { status: 'fulfilled', value: entry.secrets }, `account ${index} keeps working`);
      }
    });
  }

  const fieldEdits: { field: string; edit: (body: Body) => void }[] = [
    { field: 'host', edit: (body) => (body.host = 'https://attacker.example') },
    { field: 'email', edit: (body) => (body.email = 'attacker@example.com') },
    { field: 'label', edit: (body) => (body.label = 'Renamed') },
    { field: 'refreshSentAt', edit: (body) => (body.refreshSentAt = null === body.refreshSentAt ? 1_700_000_000_001 : null) },
    { field: 'needsExchangeToken', edit: (body) => (body.needsExchangeToken = !(body.needsExchangeToken as boolean)) },
    { field: 'accessExpiresAt', edit: (body) => (body.accessExpiresAt = 4_000_000_000_000) },
    { field: 'a flipped ciphertext byte', edit: (body) => (secretsOf(body).refreshToken = flipOneByte(secretsOf(body).refreshToken ?? '')) },
  ];
  for (const { field, edit } of fieldEdits) {
    it(`flags the account whose ${field} was edited in the file; the list and the others keep working`, async () => {
      const victim = accounts[1];
      assert.ok(victim);
      await editNewestLineOf(path, victim.record.id, edit);
      const { results, records } = await reopenAndRead();
      assert.equal(records.length, 3, 'every account is still listed');
      expectOnlyUnreadable(results, new Set([1]));
      const flagged = records.find((record) => record.id === victim.record.id);
      assert.equal(flagged?.lastError?.code, 'secrets-unreadable', 'listed as flagged');
      assert.equal(flagged.accessExpiresAt, null, 'with no token timing of its own (looked at, and flagged, at once)');
    });
  }

  it('fails a ciphertext moved to another account, even with its line tags moved along', async () => {
    const [a, b] = accounts;
    assert.ok(a && b);
    const lines = await readVaultLines(path);
    const lineOf = (id: string): Body => lines.find((line) => line.body.id === id)?.body ?? {};
    secretsOf(lineOf(b.record.id)).exchangeToken = secretsOf(lineOf(a.record.id)).exchangeToken ?? '';
    await writeVaultLines(path, lines);
    expectOnlyUnreadable((await reopenAndRead()).results, new Set([1]));
  });

  it('flags a line whose account id was edited, and the renamed id never yields a secret', async () => {
    const victim = accounts[2];
    assert.ok(victim);
    await editNewestLineOf(path, victim.record.id, (body) => (body.id = 'forged-id'));
    const vault = await openTestVault(dir.path);
    await vault.unlock(PASSPHRASE);
    await assert.rejects(vault.storage.readSecrets('forged-id'), SecretsUnreadableError);
    assert.deepEqual(await vault.storage.readSecrets(accounts[0]?.record.id ?? ''), accounts[0]?.secrets);
    await vault.close();
  });

  it('flags an account whose line was moved after a later one (lines reordered)', async () => {
    const vault = await openTestVault(dir.path);
    await vault.unlock(PASSPHRASE);
    const [a, b] = accounts;
    assert.ok(a && b);
    await vault.storage.save({ ...a.record, label: 'A renamed' });
    await vault.storage.save({ ...b.record, label: 'B renamed' });
    await vault.close();
    const lines = await readVaultLines(path);
    const [last, beforeLast] = [lines.pop(), lines.pop()];
    assert.ok(last && beforeLast);
    await writeVaultLines(path, [...lines, last, beforeLast]);
    const reopened = await openTestVault(dir.path);
    await reopened.unlock(PASSPHRASE);
    const refused = await Promise.allSettled([a, b].map((entry) => reopened.storage.readSecrets(entry.record.id)));
    assert.ok(refused.some((result) => result.status === 'rejected'), 'the line out of order is not trusted');
    await reopened.close();
  });

  it('does not launder a flagged account: after saves to the others and a reopen it is still refused', async () => {
    const victim = accounts[0];
    const other = accounts[1];
    assert.ok(victim && other);
    await editNewestLineOf(path, victim.record.id, (body) => (body.host = 'https://attacker.example'));
    for (let round = 0; round < 2; round += 1) {
      const vault = await openTestVault(dir.path);
      await vault.unlock(PASSPHRASE);
      await assert.rejects(vault.storage.readSecrets(victim.record.id), SecretsUnreadableError);
      // The lifecycle may save the flagged record (with its error); that must not make it trusted.
      const [flagged] = (await vault.storage.loadRecords()).filter((record) => record.id === victim.record.id);
      assert.ok(flagged);
      await vault.storage.save({ ...flagged, lastUsedAt: 1 });
      await vault.storage.save({ ...other.record, lastUsedAt: 1_700_000_000_123 + round });
      await vault.close();
    }
    const victimLines = (await readVaultLines(path)).filter((line) => line.body.id === victim.record.id);
    assert.ok(victimLines.length > 0);
    assert.ok(
      victimLines.every((line) => line.body.tampered !== undefined),
      'the file holds it only as a flagged entry, never as an authentic record with the edited host',
    );
  });

  it('lets a flagged account be repaired by saving new secrets over all its fields', async () => {
    const victim = accounts[0];
    assert.ok(victim);
    await editNewestLineOf(path, victim.record.id, (body) => (secretsOf(body).exchangeToken = flipOneByte(secretsOf(body).exchangeToken ?? '')));
    const vault = await openTestVault(dir.path);
    await vault.unlock(PASSPHRASE);
    await assert.rejects(vault.storage.readSecrets(victim.record.id), SecretsUnreadableError);
    await vault.storage.save(victim.record, { refreshToken: 'only one field' });
    await assert.rejects(vault.storage.readSecrets(victim.record.id), SecretsUnreadableError, 'one field is not enough to trust it again');
    const fresh = sampleSecrets();
    await vault.storage.save(victim.record, fresh);
    assert.deepEqual(await vault.storage.readSecrets(victim.record.id), fresh);
    await vault.close();
    const reopened = await openTestVault(dir.path);
    await reopened.unlock(PASSPHRASE);
    assert.deepEqual(await reopened.storage.readSecrets(victim.record.id), fresh);
    await reopened.close();
  });

  it('reports the vault damaged (kept aside, untouched) when its header fails authentication', async () => {
    const lines = await readVaultLines(path);
    const header = lines[0];
    assert.ok(header);
    header.body.fileId = 'forged-file-id';
    await writeVaultLines(path, lines);
    const edited = await readFile(path, 'utf8');
    const vault = await openTestVault(dir.path);
    await vault.unlock(PASSPHRASE);
    const state = vault.state();
    assert.equal(state.state, 'damaged');
    assert.match(state.reason ?? '', /header failed authentication/u);
    assert.equal(await readFile(path, 'utf8'), edited, 'nothing overwritten');
    await vault.close();
  });

  it('ignores a torn tail (a crash mid-append) and appends after the last whole line', async () => {
    await appendFile(path, '{"s":99,"id":"half-writ');
    const first = await reopenAndRead();
    expectOnlyUnreadable(first.results, new Set());
    const vault = await openTestVault(dir.path);
    await vault.unlock(PASSPHRASE);
    const [a] = accounts;
    assert.ok(a);
    await vault.storage.save({ ...a.record, label: 'After the crash' });
    await vault.close();
    assert.ok(!(await readFile(path, 'utf8')).includes('half-writ'), 'the torn bytes were cut off before the append');
    const reopened = await openTestVault(dir.path);
    await reopened.unlock(PASSPHRASE);
    assert.equal((await reopened.storage.loadRecords()).find((record) => record.id === a.record.id)?.label, 'After the crash');
    assert.deepEqual(await reopened.storage.readSecrets(a.record.id), a.secrets);
    await reopened.close();
  });
});
