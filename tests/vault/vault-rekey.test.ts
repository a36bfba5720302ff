import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { SECRET_FIELDS } from '../../electron/core/vault/account-slot';
import type { WrappedKey } from '../../electron/core/vault/key-protection';
import { OsKeychainKeyProtector, PassphraseKeyProtector, wrappedKeySchema } from '../../electron/core/vault/key-protection';
import { secretContext } from '../../electron/core/vault/sealed-secrets';
import { SealBrokenError, open } from '../../electron/core/vault/secret-box';
import { deriveVaultKeys } from '../../electron/core/vault/vault-keys';
import { FakeOsEncryption, PASSPHRASE, TEST_SCRYPT, inTempDirectory, openTestVault, openWithPassphrase, sampleRecord, sampleSecrets } from './support';
import type { AccountShape } from './vault-file';
import { readVaultLines, vaultShape } from './vault-file';

const NEXT = 'a brand new passphrase 42';

interface FileShape {
  key: unknown;
  accounts: AccountShape[];
  /** Every sealed value on any line of the file (an append-only file also holds superseded ones). */
  everySealed: string[];
}

async function readShape(path: string): Promise<FileShape & { wrapped: WrappedKey }> {
  const shape = await vaultShape(path);
  const everySealed = (await readVaultLines(path)).flatMap((line) => Object.values((line.body.secrets ?? {}) as Record<string, string>));
  return { key: shape.key, accounts: shape.accounts, everySealed, wrapped: wrappedKeySchema.parse(shape.key) };
}

/** The data key of the file, recovered the way the vault does it. */
function dataKeyOf(shape: { wrapped: WrappedKey }, passphrase: string): Promise<Buffer> {
  return new PassphraseKeyProtector(passphrase, TEST_SCRYPT).unwrap(shape.wrapped);
}

/** Whether a sealed value opens with this data key (format 2: its secrets subkey, bound to the account's id, e-mail and host). */
function opens(key: Buffer, account: AccountShape, field: (typeof SECRET_FIELDS)[number], sealed: string): boolean {
  const owner = { id: account.id, email: account.email as string, host: account.host as string };
  try {
    open(deriveVaultKeys(key).seal, sealed, secretContext(owner, field));
    return true;
  } catch (error) {
    if (error instanceof SealBrokenError) return false;
    throw error;
  }
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

      const previous = new Set(before.everySealed);
      assert.ok(after.everySealed.length >= accounts.length * SECRET_FIELDS.length);
      assert.deepEqual(
        after.everySealed.filter((sealed) => previous.has(sealed)),
        [],
        'every sealed value was sealed again, and no line of the file keeps an old one',
      );
      for (const account of after.accounts) {
        for (const field of SECRET_FIELDS) {
          const sealed = account.secrets[field] ?? '';
          assert.equal(opens(newKey, account, field, sealed), true, `${field} opens with the new key`);
          assert.equal(opens(oldKey, account, field, sealed), false, `${field} no longer opens with the old key`);
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
