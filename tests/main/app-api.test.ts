import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAppServices } from '../../electron/core/app/app-services';
import { DIALOG_TEXTS } from '../../electron/core/app/dialog-texts';
import type { CopiedEvent } from '../../electron/core/app/app-api';
import { AppSession } from '../../electron/core/app/app-session';
import { createClipboardGuard, InMemoryClipboard } from '../../electron/core/app/clipboard-guard';
import { invokeOperation } from '../../electron/core/app/invoke-operation';
import { MemoryVault } from '../../electron/core/app/memory-vault';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import type { AppApi } from '../../electron/shared/ipc-contract';
import { ScriptedDialogs } from '../harness/scripted-dialogs';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';

/** The app API over the real lifecycle, talking to the real sandbox over HTTP. */
describe('app API over the lifecycle and the sandbox', () => {
  let sandbox: WinbooksSandbox;
  let session: AppSession;
  let api: AppApi;
  let clipboard: InMemoryClipboard;
  const copies: CopiedEvent[] = [];

  before(async () => {
    sandbox = await WinbooksSandbox.start();
    clipboard = new InMemoryClipboard();
    const settings = createInMemorySettingsStore({ clipboardClearSeconds: 30 });
    session = new AppSession({
      vault: new MemoryVault(),
      createLifecycle: (storage) => new TokenLifecycle({ client: createWinbooksTokenClient({ timeoutMs: 10_000 }), storage }),
      settings,
    });
    await session.start();
    ({ api } = createAppServices({
      session,
      settings,
      clipboard: createClipboardGuard({ clipboard }),
      audit: { entries: () => [{ at: 1, command: 'token', account: 'ACME', outcome: 'ok' }], counters: () => ({ unauthenticated: 0, refused: 0 }) },
      appInfo: () => ({ version: '0.1.0', platform: 'linux', locale: 'en', demo: true }),
      onCopied: (event) => copies.push(event),
      dialogs: new ScriptedDialogs(),
      dialogTexts: () => DIALOG_TEXTS.en,
    }));
  });

  after(async () => {
    await session.shutdown();
    await sandbox.stop();
  });

  async function bearerWorks(token: string): Promise<boolean> {
    const response = await fetch(`${sandbox.v2BaseUrl}/app/folders`, { headers: { Authorization: `Bearer ${token}` } });
    await response.text();
    return response.ok;
  }

  test('adds an account, lists it, and copies a token the server accepts', async () => {
    const grant = sandbox.addGrant({ email: 'acme@example.be' });
    const { account } = await api.addAccount({ label: 'ACME', email: 'acme@example.be', host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
    assert.equal(account.status, 'ready');
    const { accounts } = await api.listAccounts(undefined);
    assert.deepEqual(accounts.map((listed) => listed.label), ['ACME']);

    const copied = await api.copyToken({ id: account.id, format: 'token' });
    assert.equal(copied.clearsInSeconds, 30);
    assert.ok(copied.expiresAt - Date.now() > 60_000);
    assert.ok(await bearerWorks(clipboard.peek()));
    assert.equal(copies.at(-1)?.account.label, 'ACME');

    await api.copyToken({ id: account.id, format: 'header' });
    const header = clipboard.peek();
    assert.match(header, /^Authorization: Bearer \S+$/u);
    assert.ok(await bearerWorks(header.replace('Authorization: Bearer ', '')));
  });

  test('a token with less than a minute left is refreshed before it is copied', async () => {
    const grant = sandbox.addGrant({ email: 'short@example.be', accessLifetimeSeconds: 45 });
    const { account } = await api.addAccount({ label: 'Short', email: 'short@example.be', host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
    const requestsBefore = sandbox.tokenRequestCount('short@example.be');
    sandbox.setAccessLifetime('short@example.be', 900);
    const copied = await api.copyToken({ id: account.id, format: 'token' });
    assert.ok(sandbox.tokenRequestCount('short@example.be') > requestsBefore, 'a refresh happened');
    assert.ok(copied.expiresAt - Date.now() > 60_000);
    assert.ok(await bearerWorks(clipboard.peek()));
  });

  test('a revoked grant: the copy is refused with a code, nothing expired lands on the clipboard', async () => {
    const grant = sandbox.addGrant({ email: 'gone@example.be', accessLifetimeSeconds: 45 });
    const { account } = await api.addAccount({ label: 'Gone', email: 'gone@example.be', host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
    sandbox.revokeGrant('gone@example.be');
    clipboard.copyFromElsewhere('unrelated');
    const result = await invokeOperation(api, 'copyToken', { id: account.id, format: 'token' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, 'needs-exchange-token');
    assert.equal(clipboard.peek(), 'unrelated');
  });

  test('settings, audit and app info pass through; a bad setting names its field', async () => {
    const updated = await api.updateSettings({ refreshLeadSeconds: 120 });
    assert.equal(updated.refreshLeadSeconds, 120);
    assert.equal((await api.getSettings(undefined)).refreshLeadSeconds, 120);
    assert.equal((await api.getCliAudit(undefined)).entries.length, 1);
    assert.equal((await api.getAppInfo(undefined)).demo, true);
    const refused = await invokeOperation(api, 'updateSettings', { language: 'de' });
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.equal(refused.error.field, 'language');
  });

  test('demo vault: an export is confirmed in main, then cancelled there: nothing is written', async () => {
    const exported = await invokeOperation(api, 'exportBackup', undefined);
    assert.deepEqual(exported, { ok: true, value: { outcome: 'cancelled' } });
  });
});

describe('app API while the vault is locked', () => {
  test('account operations answer vault-locked, the account list is empty', async () => {
    const { api } = createAppServices({
      session: new AppSession({ vault: new MemoryVault(), createLifecycle: () => assert.fail('not started'), settings: createInMemorySettingsStore() }),
      settings: createInMemorySettingsStore(),
      clipboard: createClipboardGuard({ clipboard: new InMemoryClipboard() }),
      audit: { entries: () => [], counters: () => ({ unauthenticated: 0, refused: 0 }) },
      appInfo: () => ({ version: '0.1.0', platform: 'linux', locale: 'en', demo: false }),
      dialogs: new ScriptedDialogs(),
      dialogTexts: () => DIALOG_TEXTS.en,
    });
    assert.deepEqual(await api.listAccounts(undefined), { accounts: [] });
    const refused = await invokeOperation(api, 'copyToken', { id: 'acct_12345678', format: 'token' });
    assert.deepEqual(refused.ok ? null : refused.error.code, 'vault-locked');
  });
});
