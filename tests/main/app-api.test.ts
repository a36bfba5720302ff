import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAppApi } from '../../electron/core/app/app-api';
import type { CopiedEvent } from '../../electron/core/app/app-api';
import { AppSession } from '../../electron/core/app/app-session';
import { createClipboardGuard, InMemoryClipboard } from '../../electron/core/app/clipboard-guard';
import { invokeOperation } from '../../electron/core/app/invoke-operation';
import { MemoryVault } from '../../electron/core/app/memory-vault';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import type { AppApi } from '../../electron/shared/ipc-contract';
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
    api = createAppApi({
      lifecycle: () => session.lifecycle(),
      vault: session,
      settings,
      clipboard: createClipboardGuard({ clipboard }),
      audit: { entries: () => [{ at: 1, command: 'token', account: 'ACME', outcome: 'ok' }] },
      appInfo: () => ({ version: '0.1.0', platform: 'linux', locale: 'en', demo: true }),
      onCopied: (event) => copies.push(event),
    });
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

  test('demo vault: backups are refused with a plain reason', async () => {
    const refused = await invokeOperation(api, 'exportBackup', { passphrase: 'long enough passphrase' });
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.match(refused.error.message, /not available in the demo/u);
  });
});

describe('app API while the vault is locked', () => {
  test('account operations answer vault-locked, the account list is empty', async () => {
    const api = createAppApi({
      lifecycle: () => null,
      vault: new AppSession({ vault: new MemoryVault(), createLifecycle: () => assert.fail('not started'), settings: createInMemorySettingsStore() }),
      settings: createInMemorySettingsStore(),
      clipboard: createClipboardGuard({ clipboard: new InMemoryClipboard() }),
      audit: { entries: () => [] },
      appInfo: () => ({ version: '0.1.0', platform: 'linux', locale: 'en', demo: false }),
    });
    assert.deepEqual(await api.listAccounts(undefined), { accounts: [] });
    const refused = await invokeOperation(api, 'copyToken', { id: 'acct_12345678', format: 'token' });
    assert.deepEqual(refused.ok ? null : refused.error.code, 'vault-locked');
  });
});
