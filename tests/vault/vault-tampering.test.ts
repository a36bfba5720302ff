import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { SecretsUnreadableError } from '../../electron/core/tokens/account-storage';
import type { AccountRecord, AccountSecrets } from '../../electron/core/tokens/account-storage';
import { PASSPHRASE, openTestVault, openWithPassphrase, sampleRecord, sampleSecrets, tempDirectory } from './support';

interface FileShape {
  accounts: { id: string; secrets: Record<'exchangeToken' | 'refreshToken' | 'accessToken', string> }[];
}

async function editFile(path: string, edit: (file: FileShape) => void): Promise<void> {
  const file = JSON.parse(await readFile(path, 'utf8')) as FileShape;
  edit(file);
  await writeFile(path, JSON.stringify(file));
}

/** Flips one bit of one byte inside the ciphertext (not of its base64 text), so only authentication can notice. */
function flipOneByte(sealed: string): string {
  const [nonce, body] = sealed.split('.');
  const bytes = Buffer.from(body ?? '', 'base64');
  bytes[Math.floor(bytes.length / 3)] = (bytes[Math.floor(bytes.length / 3)] ?? 0) ^ 0x01;
  return `${nonce ?? ''}.${bytes.toString('base64')}`;
}

function account(file: FileShape, id: string): FileShape['accounts'][number] {
  const found = file.accounts.find((candidate) => candidate.id === id);
  assert.ok(found, `account ${id} is in the file`);
  return found;
}

describe('vault tampering', () => {
  let dir: { path: string; remove(): Promise<void> };
  let path: string;
  const accounts: { record: AccountRecord; secrets: AccountSecrets }[] = [];

  before(async () => {
    dir = await tempDirectory();
    const vault = await openWithPassphrase(dir.path);
    for (let index = 0; index < 3; index += 1) {
      const entry = { record: sampleRecord(), secrets: sampleSecrets() };
      accounts.push(entry);
      await vault.storage.save(entry.record, entry.secrets);
    }
    path = vault.path;
    await vault.close();
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

  function expectOnlyUnreadable(results: PromiseSettledResult<AccountSecrets>[], unreadable: Set<number>, field: RegExp): void {
    results.forEach((result, index) => {
      const entry = accounts[index];
      assert.ok(entry);
      if (unreadable.has(index)) {
        assert.equal(result.status, 'rejected');
        const reason: unknown = result.status === 'rejected' ? result.reason : null;
        assert.ok(reason instanceof SecretsUnreadableError, 'a SecretsUnreadableError');
        assert.equal(reason.accountId, entry.record.id);
        assert.match(reason.message, field);
        assert.match(reason.message, /failed authentication/u);
      } else {
        assert.deepEqual(result, { status: 'fulfilled', value: entry.secrets }, `account ${index} keeps working`);
      }
    });
  }

  it('flags only the account whose ciphertext has one flipped byte; the list and the others keep working', async () => {
    const victim = accounts[1];
    assert.ok(victim);
    const original = await readFile(path, 'utf8');
    await editFile(path, (file) => {
      const entry = account(file, victim.record.id);
      entry.secrets.refreshToken = flipOneByte(entry.secrets.refreshToken);
    });
    const { results, records } = await reopenAndRead();
    assert.equal(records.length, 3, 'every record is still listed');
    expectOnlyUnreadable(results, new Set([1]), /refresh token/u);
    await writeFile(path, original);
  });

  it('fails a ciphertext moved to another account', async () => {
    const [a, b] = accounts;
    assert.ok(a && b);
    const original = await readFile(path, 'utf8');
    await editFile(path, (file) => {
      account(file, b.record.id).secrets.exchangeToken = account(file, a.record.id).secrets.exchangeToken;
    });
    const { results } = await reopenAndRead();
    expectOnlyUnreadable(results, new Set([1]), /exchange token/u);
    await writeFile(path, original);
  });

  it('fails ciphertexts swapped between two fields of one account', async () => {
    const victim = accounts[2];
    assert.ok(victim);
    const original = await readFile(path, 'utf8');
    await editFile(path, (file) => {
      const entry = account(file, victim.record.id);
      [entry.secrets.refreshToken, entry.secrets.accessToken] = [entry.secrets.accessToken, entry.secrets.refreshToken];
    });
    const { results } = await reopenAndRead();
    expectOnlyUnreadable(results, new Set([2]), /(refresh|access) token/u);
    await writeFile(path, original);
  });

  it('lets a flagged account be repaired by saving new secrets over all its fields', async () => {
    const victim = accounts[0];
    assert.ok(victim);
    await editFile(path, (file) => {
      const entry = account(file, victim.record.id);
      entry.secrets.exchangeToken = flipOneByte(entry.secrets.exchangeToken);
    });
    const vault = await openTestVault(dir.path);
    await vault.unlock(PASSPHRASE);
    await assert.rejects(vault.storage.readSecrets(victim.record.id), SecretsUnreadableError);
    const fresh = sampleSecrets();
    await vault.storage.save(victim.record, fresh);
    assert.deepEqual(await vault.storage.readSecrets(victim.record.id), fresh);
    await vault.close();
  });
});
