import assert from 'node:assert/strict';
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SecretsUnreadableError } from '../../electron/core/tokens/account-storage';
import { FakeOsEncryption, PASSPHRASE, confStore, leakedSecrets, openTestVault, tempDirectory } from './support';
import { readVaultLines, vaultShape } from './vault-file';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'vault-v0.json');
/** Written by the version-1 vault of commit 81239e5 (passphrase PASSPHRASE, scrypt N=2^10). */
const V1_FIXTURE = join(import.meta.dirname, 'fixtures', 'vault-v1.json');
const V0_SECRETS = [
  'V0-EXCHANGE-dupont-7f3a9c1e5b',
  'TGe0!V0-REFRESH-dupont-2d8e4f6a',
  'gAAAA-V0-ACCESS-dupont-9b1c3d5e',
  'V0-EXCHANGE-martin-4c6e8a0b2d',
];

async function vaultWithFixture(fixture = FIXTURE): Promise<{ path: string; directory: { path: string; remove(): Promise<void> } }> {
  const directory = await tempDirectory();
  const path = confStore(directory.path).path;
  await copyFile(fixture, path);
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
      const migrated = await vaultShape(path);
      assert.equal(migrated.version, 2);
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

const V1_SECRETS = {
  v1Acct0001: { exchangeToken: 'V1-EXCHANGE-dupont-51c0ffee', refreshToken: 'TGe0!V1-REFRESH-dupont-77aa', accessToken: 'gAAAA-V1-ACCESS-dupont-19bb' },
  v1Acct0002: { exchangeToken: 'V1-EXCHANGE-martin-2b9d', refreshToken: null, accessToken: null },
  v1Acct0003: { exchangeToken: 'V1-EXCHANGE-janssens-8e4f', refreshToken: 'TGe0!V1-REFRESH-janssens-3c1d', accessToken: 'gAAAA-V1-ACCESS-janssens-6a2e' },
};

describe('migration from version 1 (one JSON document, metadata not authenticated)', () => {
  it('stays locked without touching the file, then on unlock rewrites it as version 2 with the same records and secrets', async () => {
    const { path, directory } = await vaultWithFixture(V1_FIXTURE);
    try {
      const original = await readFile(path, 'utf8');
      const vault = await openTestVault(directory.path);
      assert.deepEqual(vault.state(), { state: 'locked', protection: 'passphrase', reason: vault.state().reason, keptAsidePath: null });
      assert.equal(await readFile(path, 'utf8'), original, 'nothing written before the key is known');
      await vault.unlock(PASSPHRASE);
      const records = await vault.storage.loadRecords();
      assert.deepEqual(
        records.map((record) => [record.id, record.label, record.email, record.host, record.needsExchangeToken, record.lastError?.code ?? null]),
        [
          ['v1Acct0001', 'Bakery Dupont', 'compta@dupont.example', 'https://rapi.winbooksonweb.be', false, null],
          ['v1Acct0002', 'Garage Martin', 'admin@martin.example', 'https://prd.winbooksapis.be/wow/v2', true, 'needs-exchange-token'],
          ['v1Acct0003', 'Cabinet Janssens', 'info@janssens.example', 'https://prd.winbooksapis.be/wow/v2', false, null],
        ],
      );
      for (const [id, secrets] of Object.entries(V1_SECRETS)) assert.deepEqual(await vault.storage.readSecrets(id), secrets);
      await vault.close();

      const migrated = await vaultShape(path);
      assert.equal(migrated.version, 2);
      assert.equal(migrated.key.kind, 'passphrase', 'the same wrapped key, carried over');
      assert.equal((await stat(path)).mode & 0o777, 0o600);
      const secrets = Object.values(V1_SECRETS).flatMap((entry) => Object.values(entry)).filter((value): value is string => value !== null);
      assert.deepEqual(leakedSecrets(await readFile(path, 'utf8'), secrets), []);

      const reopened = await openTestVault(directory.path);
      await reopened.unlock(PASSPHRASE);
      assert.deepEqual(await reopened.storage.readSecrets('v1Acct0003'), V1_SECRETS.v1Acct0003);
      await reopened.close();
    } finally {
      await directory.remove();
    }
  });

  it('carries an account whose version-1 secrets fail authentication over as flagged; the others migrate', async () => {
    const { path, directory } = await vaultWithFixture(V1_FIXTURE);
    try {
      const document = JSON.parse(await readFile(path, 'utf8')) as { accounts: { id: string; secrets: Record<string, string> }[] };
      const victim = document.accounts[1];
      const donor = document.accounts[0];
      assert.ok(victim && donor);
      victim.secrets.exchangeToken = donor.secrets.exchangeToken ?? '';
      await writeFile(path, JSON.stringify(document));
      const vault = await openTestVault(directory.path);
      await vault.unlock(PASSPHRASE);
      await assert.rejects(vault.storage.readSecrets('v1Acct0002'), SecretsUnreadableError);
      assert.deepEqual(await vault.storage.readSecrets('v1Acct0001'), V1_SECRETS.v1Acct0001);
      assert.equal((await vault.storage.loadRecords()).length, 3);
      await vault.close();
      const lines = await readVaultLines(path);
      assert.ok(lines.some((line) => line.body.id === 'v1Acct0002' && line.body.tampered !== undefined), 'kept as a flagged entry of its own');
      const reopened = await openTestVault(directory.path);
      await reopened.unlock(PASSPHRASE);
      await assert.rejects(reopened.storage.readSecrets('v1Acct0002'), SecretsUnreadableError);
      await reopened.close();
    } finally {
      await directory.remove();
    }
  });
});
