import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { AppSession } from '../../electron/core/app/app-session';
import { invokeOperation } from '../../electron/core/app/invoke-operation';
import { openVault } from '../../electron/core/vault';
import type { VaultHandle } from '../../electron/core/vault';
import { openBackup, sealBackup } from '../../electron/core/vault/backup-format';
import type { AppApi } from '../../electron/shared/ipc-contract';
import type { ScriptedDialogs } from '../harness/scripted-dialogs';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import { startAppThroughMain } from '../support/app-services-fixture';

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
let dialogs: ScriptedDialogs;
const tokens: string[] = [];

before(async () => {
  sandbox = await WinbooksSandbox.start();
  directory = await mkdtemp(join(tmpdir(), 'wtm-backup-main-'));
  vault = await openVault({ store: { directory: join(directory, 'vault') }, scryptParams: CHEAP_KDF });
  await vault.createWithPassphrase(VAULT_PASSPHRASE);
  ({ session, api, dialogs } = await startAppThroughMain({ vault, backupKdfParams: CHEAP_KDF }));
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
      [
        {
          id: acme.id,
          label: 'Acme Bakery',
          email: 'acme@example.be',
          host: otherHost,
          autoRefresh: true,
          createdAt: 1,
          lastUsedAt: null,
          accessIssuedAt: null,
          accessExpiresAt: null,
          lastRefreshAt: null,
          needsExchangeToken: false,
          exchangeToken: moved.exchangeToken,
          refreshToken: null,
          accessToken: null,
        },
      ],
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

  test('a declined confirmation changes nothing', async () => {
    const path = join(directory, 'export.json');
    const before = (await api.listAccounts(undefined)).accounts.map((account) => account.host);
    dialogs.script({ kind: 'open-file', path }, { kind: 'passphrase', value: BACKUP_PASSPHRASE }, { kind: 'confirm', confirmed: false });
    assert.deepEqual(await invokeOperation(api, 'importBackup', undefined), { ok: true, value: { outcome: 'cancelled' } });
    assert.deepEqual((await api.listAccounts(undefined)).accounts.map((account) => account.host), before);
  });
});
