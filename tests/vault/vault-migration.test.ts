import assert from 'node:assert/strict';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FakeOsEncryption, PASSPHRASE, confStore, leakedSecrets, openTestVault, tempDirectory } from './support';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'vault-v0.json');
const V0_SECRETS = [
  'V0-EXCHANGE-dupont-7f3a9c1e5b',
  'TGe0!V0-REFRESH-dupont-2d8e4f6a',
  'gAAAA-V0-ACCESS-dupont-9b1c3d5e',
  'V0-EXCHANGE-martin-4c6e8a0b2d',
];

async function vaultWithFixture(): Promise<{ path: string; directory: { path: string; remove(): Promise<void> } }> {
  const directory = await tempDirectory();
  const path = confStore(directory.path).path;
  await copyFile(FIXTURE, path);
  return { path, directory };
}

describe('migration from the version-0 layout', () => {
  it('waits in setup without touching the file, then encrypts every account when a passphrase is chosen', async () => {
    const { path, directory } = await vaultWithFixture();
    try {
      const vault = await openTestVault(directory.path);
      const state = vault.state();
      assert.equal(state.state, 'setup');
      assert.match(state.reason ?? '', /unencrypted vault from an earlier version .*2 accounts/u);
      assert.equal(await readFile(path, 'utf8'), await readFile(FIXTURE, 'utf8'), 'nothing written before the user chooses');

      await vault.createWithPassphrase(PASSPHRASE);
      const records = await vault.storage.loadRecords();
      assert.deepEqual(
        records.map((record) => [record.id, record.label, record.email, record.host, record.accessExpiresAt, record.createdAt, record.autoRefresh]),
        [
          ['legacyAcct0001', 'Bakery Dupont', 'compta@dupont.example', 'https://rapi.winbooksonweb.be', 1700000900000, 1690000000000, true],
          ['legacyAcct0002', 'Garage Martin', 'admin@martin.example', 'https://prd.winbooksapis.be/wow/v2', null, 1690000100000, true],
        ],
      );
      assert.deepEqual(await vault.storage.readSecrets('legacyAcct0001'), {
        exchangeToken: 'V0-EXCHANGE-dupont-7f3a9c1e5b',
        refreshToken: 'TGe0!V0-REFRESH-dupont-2d8e4f6a',
        accessToken: 'gAAAA-V0-ACCESS-dupont-9b1c3d5e',
      });
      assert.deepEqual(await vault.storage.readSecrets('legacyAcct0002'), { exchangeToken: 'V0-EXCHANGE-martin-4c6e8a0b2d', refreshToken: null, accessToken: null });
      await vault.close();

      const text = await readFile(path, 'utf8');
      const migrated = JSON.parse(text) as { version: number; format: string };
      assert.equal(migrated.version, 1);
      assert.equal(migrated.format, 'winbooks-token-manager-vault');
      assert.deepEqual(leakedSecrets(text, V0_SECRETS), []);
      assert.equal((await stat(path)).mode & 0o777, 0o600);

      const reopened = await openTestVault(directory.path);
      await reopened.unlock(PASSPHRASE);
      assert.equal((await reopened.storage.loadRecords()).length, 2);
      await reopened.close();
    } finally {
      await directory.remove();
    }
  });

  it('migrates at once when a strong OS keychain can protect the key', async () => {
    const { path, directory } = await vaultWithFixture();
    try {
      const vault = await openTestVault(directory.path, { osEncryption: new FakeOsEncryption('keychain') });
      assert.equal(vault.state().state, 'open');
      assert.equal(vault.state().protection, 'os-keychain');
      assert.equal((await vault.storage.readSecrets('legacyAcct0001')).refreshToken, 'TGe0!V0-REFRESH-dupont-2d8e4f6a');
      await vault.close();
      assert.deepEqual(leakedSecrets(await readFile(path, 'utf8'), V0_SECRETS), []);
    } finally {
      await directory.remove();
    }
  });
});
