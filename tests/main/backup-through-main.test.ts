import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { AppSession } from '../../electron/core/app/app-session';
import type { BackupService } from '../../electron/core/app/backup-service';
import { invokeOperation } from '../../electron/core/app/invoke-operation';
import { openVault } from '../../electron/core/vault';
import type { VaultHandle } from '../../electron/core/vault';
import { openBackup, sealBackup } from '../../electron/core/vault/backup-format';
import type { AppApi } from '../../electron/shared/ipc-contract';
import type { ScriptedDialogs } from '../harness/scripted-dialogs';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import { startAppThroughMain } from '../support/app-services-fixture';
import { backupEntry } from '../support/backup-service-fixture';

/**
 * Issue 10 finding 1, through the operation path ipcMain runs: the renderer cannot choose a backup passphrase,
 * receives no backup content and sends none; main asks in its own dialogs and reads / writes the file itself.
 */

const CHEAP_KDF = { N: 2 ** 12, r: 8, p: 1 };
const VAULT_PASSPHRASE = 'vault passphrase of the accountant';
const BACKUP_PASSPHRASE = 'a different passphrase for the backup';

let sandbox: WinbooksSandbox;
let directory: string;
let vault: VaultHandle;
let session: AppSession;
let api: AppApi;
let backups: BackupService;
let dialogs: ScriptedDialogs;
const tokens: string[] = [];

before(async () => {
  sandbox = await WinbooksSandbox.start();
  directory = await mkdtemp(join(tmpdir(), 'wtm-backup-main-'));
  vault = await openVault({ store: { directory: join(directory, 'vault') }, scryptParams: CHEAP_KDF });
  await vault.createWithPassphrase(VAULT_PASSPHRASE);
  ({ session, api, backups, dialogs } = await startAppThroughMain({ vault, backupKdfParams: CHEAP_KDF }));
  for (const [label, email] of [
    ['Acme Bakery', 'acme@example.be'],
    ['Brico', 'brico@example.be'],
  ] as const) {
    const grant = sandbox.addGrant({ email });
    tokens.push(grant.exchangeToken);
    await api.addAccount({ label, email, host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
  }
});

after(async () => {
  await session.shutdown();
  await vault.close();
  await sandbox.stop();
  await rm(directory, { recursive: true, force: true });
});

beforeEach(() => dialogs.reset());

describe('export belongs to main', () => {
  test('the renderer cannot choose the backup passphrase: the request takes no field', async () => {
    const refused = await invokeOperation(api, 'exportBackup', { passphrase: 'chosen by a compromised renderer' });
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.equal(refused.error.code, 'invalid-input');
    assert.deepEqual(dialogs.asked, [], 'nothing was asked, nothing written');
  });

  test('main re-asks the vault passphrase, asks the backup passphrase, writes a 0600 file and answers only a summary', async () => {
    const path = join(directory, 'export.json');
    dialogs.script(
      { kind: 'passphrase', value: 'not the vault passphrase' },
      { kind: 'passphrase', value: VAULT_PASSPHRASE },
      { kind: 'passphrase', value: BACKUP_PASSPHRASE },
      { kind: 'save-file', path },
    );
    const result = await invokeOperation(api, 'exportBackup', undefined);
    assert.deepEqual(result, { ok: true, value: { outcome: 'exported', path, accounts: 2, unreadable: [] } });
    assert.deepEqual(
      dialogs.asked.map((asked) => (asked.kind === 'passphrase' ? `${asked.prompt.purpose}${asked.prompt.error === null ? '' : ' (again)'}` : asked.kind)),
      ['vault', 'vault (again)', 'new-backup', 'save-file'],
    );
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    const content = await readFile(path, 'utf8');
    for (const token of tokens) assert.ok(!content.includes(token), 'the file is encrypted');
    assert.equal((await openBackup(content, BACKUP_PASSPHRASE)).length, 2);
  });

  test('cancelling any of main dialogs writes nothing', async () => {
    dialogs.script({ kind: 'passphrase', value: VAULT_PASSPHRASE }, { kind: 'passphrase', value: BACKUP_PASSPHRASE }, { kind: 'save-file', path: null });
    assert.deepEqual(await invokeOperation(api, 'exportBackup', undefined), { ok: true, value: { outcome: 'cancelled' } });
  });
});

describe('import belongs to main', () => {
  test('the renderer cannot send backup content', async () => {
    const refused = await invokeOperation(api, 'importBackup', { passphrase: BACKUP_PASSPHRASE, content: '{}' });
    assert.equal(refused.ok, false);
  });

  test('a host or e-mail change of an existing account is listed, and applied only when the user ticks it', async () => {
    const accounts = (await api.listAccounts(undefined)).accounts;
    const acme = accounts.find((account) => account.label === 'Acme Bakery');
    assert.ok(acme);
    const otherHost = sandbox.baseUrl; // the legacy base of the same sandbox: another host
    const moved = sandbox.addGrant({ email: 'acme@example.be' });
    const backup = await sealBackup(
      [backupEntry({ id: acme.id, label: 'Acme Bakery', email: 'acme@example.be', host: otherHost, exchangeToken: moved.exchangeToken })],
      BACKUP_PASSPHRASE,
      CHEAP_KDF,
      Date.now(),
    );
    const path = join(directory, 'crafted.json');
    await writeFile(path, backup);

    dialogs.script({ kind: 'open-file', path }, { kind: 'passphrase', value: BACKUP_PASSPHRASE }, { kind: 'confirm', confirmed: true, checkbox: false });
    const declined = await invokeOperation(api, 'importBackup', undefined);
    assert.ok(declined.ok && declined.value.outcome === 'imported');
    const confirm = dialogs.asked.find((asked) => asked.kind === 'confirm');
    assert.ok(confirm?.kind === 'confirm');
    assert.match(confirm.dialog.detail, new RegExp(`Acme Bakery: acme@example.be at ${sandbox.v2BaseUrl.replace(/[/.]/gu, '\\$&')} → acme@example.be at`, 'u'));
    assert.ok(confirm.dialog.checkboxLabel !== undefined, 'the change needs its own tick');
    assert.deepEqual(declined.value.skipped.map((entry) => entry.reason), ['address-change-declined']);
    assert.equal((await api.listAccounts(undefined)).accounts.find((account) => account.id === acme.id)?.host, sandbox.v2BaseUrl, 'host unchanged');

    dialogs.reset();
    dialogs.script({ kind: 'open-file', path }, { kind: 'passphrase', value: BACKUP_PASSPHRASE }, { kind: 'confirm', confirmed: true, checkbox: true });
    const accepted = await invokeOperation(api, 'importBackup', undefined);
    assert.ok(accepted.ok && accepted.value.outcome === 'imported');
    assert.deepEqual(accepted.value.updated.map((entry) => [entry.reason, entry.params.toHost]), [['address-changed', otherHost]]);
    assert.equal((await api.listAccounts(undefined)).accounts.find((account) => account.id === acme.id)?.host, otherHost);
  });

  test('an account at a host the policy refuses is not imported: listed as skipped, never saved', async () => {
    assert.equal((await api.getSettings(undefined)).allowOtherHosts, false, 'the default policy: Winbooks and loopback only');
    const elsewhere = 'https://winbooks.example.net';
    const welcome = sandbox.addGrant({ email: 'welcome@example.be' });
    const backup = await sealBackup(
      [
        backupEntry({ label: 'Elsewhere', email: 'elsewhere@example.be', host: elsewhere, exchangeToken: 'exchange-token-for-elsewhere' }),
        backupEntry({ label: 'Welcome', email: 'welcome@example.be', host: sandbox.v2BaseUrl, exchangeToken: welcome.exchangeToken }),
      ],
      BACKUP_PASSPHRASE,
      CHEAP_KDF,
      Date.now(),
    );
    const path = join(directory, 'other-host.json');
    await writeFile(path, backup);

    dialogs.script({ kind: 'open-file', path }, { kind: 'passphrase', value: BACKUP_PASSPHRASE }, { kind: 'confirm', confirmed: true });
    const result = await invokeOperation(api, 'importBackup', undefined);
    assert.ok(result.ok && result.value.outcome === 'imported', JSON.stringify(result));
    assert.deepEqual(result.value.added, [{ label: 'Welcome', reason: 'new-account', params: {} }]);
    assert.deepEqual(result.value.skipped, [{ label: 'Elsewhere', reason: 'host-not-allowed', params: { host: elsewhere } }]);
    const accounts = (await api.listAccounts(undefined)).accounts;
    assert.ok(accounts.some((account) => account.label === 'Welcome'));
    assert.deepEqual(accounts.filter((account) => account.host === elsewhere || account.email === 'elsewhere@example.be'), []);
    assert.deepEqual((await vault.storage.loadRecords()).filter((record) => record.host === elsewhere), [], 'nothing saved for that host');
  });

  test('a declined confirmation changes nothing', async () => {
    const path = join(directory, 'export.json');
    const before = (await api.listAccounts(undefined)).accounts.map((account) => account.host);
    dialogs.script({ kind: 'open-file', path }, { kind: 'passphrase', value: BACKUP_PASSPHRASE }, { kind: 'confirm', confirmed: false });
    assert.deepEqual(await invokeOperation(api, 'importBackup', undefined), { ok: true, value: { outcome: 'cancelled' } });
    assert.deepEqual((await api.listAccounts(undefined)).accounts.map((account) => account.host), before);
  });
});

describe('while the vault is locked', () => {
  test('a lock while the backup is being sealed writes no file and answers vault-locked', async () => {
    const path = join(directory, 'locked-meanwhile.json');
    dialogs.script({ kind: 'passphrase', value: VAULT_PASSPHRASE }, { kind: 'passphrase', value: BACKUP_PASSPHRASE }, { kind: 'save-file', path });
    const accounts = (await api.listAccounts(undefined)).accounts.length;
    const storage = vault.storage;
    const readSecrets = storage.readSecrets.bind(storage);
    let reads = 0;
    // The last account's secrets are read, then the user locks: the backup key is derived after that.
    storage.readSecrets = async (id) => {
      const secrets = await readSecrets(id);
      reads += 1;
      if (reads === accounts) await api.lockVault(undefined);
      return secrets;
    };
    try {
      const refused = await invokeOperation(api, 'exportBackup', undefined);
      assert.equal(refused.ok ? null : refused.error.code, 'vault-locked');
      assert.equal(reads, accounts, 'the lock came after every account was read');
      await assert.rejects(stat(path), { code: 'ENOENT' }, 'no backup file written');
    } finally {
      storage.readSecrets = readSecrets;
      await api.unlockVault({ passphrase: VAULT_PASSPHRASE });
    }
  });

  test('export and import answer vault-locked and ask nothing, from the API and in the service itself', async () => {
    await api.lockVault(undefined);
    try {
      for (const operation of ['exportBackup', 'importBackup'] as const) {
        const refused = await invokeOperation(api, operation, undefined);
        assert.equal(refused.ok ? null : refused.error.code, 'vault-locked', operation);
      }
      await assert.rejects(backups.exportBackup(), { code: 'vault-locked' });
      await assert.rejects(backups.importBackup(), { code: 'vault-locked' });
      assert.deepEqual(dialogs.asked, []);
    } finally {
      await api.unlockVault({ passphrase: VAULT_PASSPHRASE });
    }
  });
});
