import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { DEFAULT_SCRYPT_PARAMS } from '../../electron/core/vault/index';
import { PASSPHRASE, openTestVault, openWithPassphrase, sampleRecord, sampleSecrets, inTempDirectory } from './support';
import { vaultShape } from './vault-file';

interface FileShape {
  key: { kind: string; kdf: { N: number; r: number; p: number; salt: string }; sealedKey: string };
  accounts: { secrets: Record<string, string> }[];
}

async function readShape(path: string): Promise<FileShape> {
  return (await vaultShape(path)) as unknown as FileShape;
}

describe('vault passphrase', () => {
  it('stays locked on a wrong passphrase, says so plainly, and changes nothing on disk', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      const record = sampleRecord();
      const secrets = sampleSecrets();
      await vault.storage.save(record, secrets);
      await vault.close();
      const before = await readFile(vault.path, 'utf8');

      const locked = await openTestVault(dir.path);
      await assert.rejects(locked.unlock('not the right passphrase'), {
        name: 'AppError',
        code: 'invalid-input',
        field: 'passphrase',
        message: /this is not the vault passphrase/u,
      });
      assert.equal(locked.state().state, 'locked');
      assert.equal(locked.state().protection, 'passphrase');
      await assert.rejects(locked.storage.readSecrets(record.id), { code: 'vault-locked' });
      assert.equal(locked.writeCount, 0);
      assert.equal(await readFile(vault.path, 'utf8'), before);

      await locked.unlock(PASSPHRASE);
      assert.deepEqual(await locked.storage.readSecrets(record.id), secrets);
      await locked.close();
    });
  });

  // A passphrase change re-keys: see vault-rekey.test.ts.

  it('stores the scrypt parameters and salt with the wrapped key (default cost when none is given)', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openTestVault(dir.path, { scryptParams: DEFAULT_SCRYPT_PARAMS });
      await vault.createWithPassphrase(PASSPHRASE);
      await vault.close();
      const shape = await readShape(vault.path);
      assert.equal(shape.key.kind, 'passphrase');
      assert.deepEqual({ N: shape.key.kdf.N, r: shape.key.kdf.r, p: shape.key.kdf.p }, DEFAULT_SCRYPT_PARAMS);
      assert.equal(Buffer.from(shape.key.kdf.salt, 'base64').length, 16);

      // Stored parameters win over the opener's: a vault made with the default cost opens with a cheap opener.
      const reopened = await openTestVault(dir.path);
      await reopened.unlock(PASSPHRASE);
      assert.equal(reopened.state().state, 'open');
      await reopened.close();
    });
  });
});
