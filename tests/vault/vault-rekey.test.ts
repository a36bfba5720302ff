import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { WrappedKey } from '../../electron/core/vault/key-protection';
import { OsKeychainKeyProtector, PassphraseKeyProtector, wrappedKeySchema } from '../../electron/core/vault/key-protection';
import { SealBrokenError, open } from '../../electron/core/vault/secret-box';
import { SECRET_FIELDS, secretContext } from '../../electron/core/vault/vault-document';
import { FakeOsEncryption, PASSPHRASE, TEST_SCRYPT, inTempDirectory, openTestVault, openWithPassphrase, sampleRecord, sampleSecrets } from './support';

const NEXT = 'a brand new passphrase 42';

interface FileShape {
  key: unknown;
  accounts: { id: string; secrets: Record<string, string> }[];
}

async function readShape(path: string): Promise<FileShape & { wrapped: WrappedKey }> {
  const shape = JSON.parse(await readFile(path, 'utf8')) as FileShape;
  return { ...shape, wrapped: wrappedKeySchema.parse(shape.key) };
}

/** The data key of the file, recovered the way the vault does it. */
function dataKeyOf(shape: { wrapped: WrappedKey }, passphrase: string): Promise<Buffer> {
  return new PassphraseKeyProtector(passphrase, TEST_SCRYPT).unwrap(shape.wrapped);
}

function opens(key: Buffer, accountId: string, field: (typeof SECRET_FIELDS)[number], sealed: string): boolean {
  try {
    open(key, sealed, secretContext(accountId, field));
    return true;
  } catch (error) {
    if (error instanceof SealBrokenError) return false;
    throw error;
  }
}

function sealedValues(shape: FileShape): string[] {
  return shape.accounts.flatMap((account) => SECRET_FIELDS.map((field) => account.secrets[field] ?? ''));
}

describe('passphrase change re-keys the vault', () => {
  it('makes a new data key and seals every secret again under it: nothing sealed under the old key remains', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      const accounts = [
        { record: sampleRecord(), secrets: sampleSecrets() },
        { record: sampleRecord(), secrets: { ...sampleSecrets(), refreshToken: null, accessToken: null } },
      ];
      for (const account of accounts) await vault.storage.save(account.record, account.secrets);
      const before = await readShape(vault.path);
      const oldKey = await dataKeyOf(before, PASSPHRASE);

      await vault.changePassphrase(PASSPHRASE, NEXT);
      const after = await readShape(vault.path);
      const newKey = await dataKeyOf(after, NEXT);
      assert.equal(newKey.length, 32);
      assert.notDeepEqual(newKey, oldKey, 'a new data key');

      const previous = new Set(sealedValues(before));
      assert.deepEqual(
        sealedValues(after).filter((sealed) => previous.has(sealed)),
        [],
        'every sealed value was sealed again',
      );
      for (const account of after.accounts) {
        for (const field of SECRET_FIELDS) {
          const sealed = account.secrets[field] ?? '';
          assert.equal(opens(newKey, account.id, field, sealed), true, `${field} opens with the new key`);
          assert.equal(opens(oldKey, account.id, field, sealed), false, `${field} no longer opens with the old key`);
        }
      }
      for (const account of accounts) assert.deepEqual(await vault.storage.readSecrets(account.record.id), account.secrets, 'the open vault reads the new key at once');
      await vault.close();

      const reopened = await openTestVault(dir.path);
      await assert.rejects(reopened.unlock(PASSPHRASE), { code: 'invalid-input' });
      await reopened.unlock(NEXT);
      for (const account of accounts) assert.deepEqual(await reopened.storage.readSecrets(account.record.id), account.secrets);
      await reopened.close();
    });
  });

  it('changes nothing when the current passphrase is wrong or the new one is refused', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      await vault.storage.save(sampleRecord(), sampleSecrets());
      const before = await readFile(vault.path, 'utf8');
      await assert.rejects(vault.changePassphrase('wrong current one', NEXT), { code: 'invalid-input', field: 'current' });
      await assert.rejects(vault.changePassphrase(PASSPHRASE, 'short'), { code: 'invalid-input', field: 'next' });
      assert.equal(await readFile(vault.path, 'utf8'), before);
      await vault.close();
    });
  });

  it('keeps a change saved while the passphrase change is under way', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      const record = sampleRecord();
      await vault.storage.save(record, sampleSecrets());
      const changing = vault.changePassphrase(PASSPHRASE, NEXT);
      const late = sampleSecrets();
      await vault.storage.save({ ...record, lastRefreshAt: 1_700_000_500_000 }, late);
      await changing;
      assert.deepEqual(await vault.storage.readSecrets(record.id), late);
      await vault.close();
      const reopened = await openTestVault(dir.path);
      await reopened.unlock(NEXT);
      assert.deepEqual(await reopened.storage.readSecrets(record.id), late);
      await reopened.close();
    });
  });

  it('with the keychain as well: both wraps hold the new key, and the keychain still opens the vault at start', async () => {
    await inTempDirectory(async (dir) => {
      const os = new FakeOsEncryption();
      const vault = await openTestVault(dir.path, { osEncryption: os });
      await vault.addPassphrase(PASSPHRASE);
      const record = sampleRecord();
      const secrets = sampleSecrets();
      await vault.storage.save(record, secrets);
      const before = await readShape(vault.path);
      const oldKey = await dataKeyOf(before, PASSPHRASE);

      await vault.changePassphrase(PASSPHRASE, NEXT);
      const after = await readShape(vault.path);
      assert.equal(after.wrapped.kind, 'os-keychain-and-passphrase');
      const byPassphrase = await dataKeyOf(after, NEXT);
      const byKeychain = await new OsKeychainKeyProtector(os).unwrap(after.wrapped);
      assert.deepEqual(byKeychain, byPassphrase);
      assert.notDeepEqual(byPassphrase, oldKey);
      await vault.close();

      const reopened = await openTestVault(dir.path, { osEncryption: os });
      assert.equal(reopened.state().state, 'open');
      assert.deepEqual(await reopened.storage.readSecrets(record.id), secrets);
      await reopened.close();
    });
  });
});
