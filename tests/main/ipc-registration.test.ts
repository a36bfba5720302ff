import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../electron/core/common/app-error';
import { createAppApi } from '../../electron/core/app/app-api';
import { createClipboardGuard, InMemoryClipboard } from '../../electron/core/app/clipboard-guard';
import { MemoryVault } from '../../electron/core/app/memory-vault';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import { DIALOG_TEXTS } from '../../electron/core/app/dialog-texts';
import { ScriptedDialogs } from '../harness/scripted-dialogs';
import { createRendererEvents, registerAppApi } from '../../electron/main/ipc-registration';
import { isTrustedRendererUrl } from '../../electron/main/renderer-source';
import type { RendererSource } from '../../electron/main/renderer-source';
import { ACCOUNTS_CHANGED_CHANNEL, SETTINGS_CHANGED_CHANNEL, VAULT_STATE_CHANGED_CHANNEL, contract } from '../../electron/shared/ipc-contract';
import { DEFAULT_SETTINGS } from '../../electron/shared/settings';
import type { AppApi, IpcResult } from '../../electron/shared/ipc-contract';
import { CapturingLogger } from '../support/lifecycle-fixture';
import { FakeFrame, FakeIpcMain, FakeWebContents, invokeEvent } from './fake-electron';

const source: RendererSource = { kind: 'bundled', distDir: '/app/dist' };

function realApi(): AppApi {
  return createAppApi({
    lifecycle: () => null,
    vault: {
      getState: () => Promise.resolve(new MemoryVault().state()),
      unlock: () => Promise.reject(new AppError('invalid-input', 'Passphrase: this passphrase does not open the vault.', 'passphrase')),
      createPassphrase: () => Promise.reject(new Error('not used')),
      changePassphrase: () => Promise.reject(new Error('not used')),
      addPassphrase: () => Promise.reject(new Error('not used')),
      startOver: () => Promise.reject(new Error('not used')),
      lock: () => Promise.reject(new Error('not used')),
      configureLifecycle: () => undefined,
    },
    backups: { exportBackup: () => Promise.reject(new Error('not used')), importBackup: () => Promise.reject(new Error('not used')) },
    confirmations: { dialogs: new ScriptedDialogs(), texts: () => DIALOG_TEXTS.en },
    settings: createInMemorySettingsStore(),
    clipboard: createClipboardGuard({ clipboard: new InMemoryClipboard() }),
    audit: { entries: () => [], counters: () => ({ unauthenticated: 0, refused: 0 }) },
    appInfo: () => ({ version: '0.1.0', platform: 'linux', locale: 'en', demo: false }),
  });
}

function setUp(api: AppApi = realApi()) {
  const ipc = new FakeIpcMain();
  const window = new FakeWebContents('app://winbooks/index.html');
  const logger = new CapturingLogger();
  const unregister = registerAppApi(ipc, { api, windowContentsId: () => window.id, isTrustedUrl: (url) => isTrustedRendererUrl(url, source), logger });
  return { ipc, window, logger, unregister };
}

function failure(result: unknown): { code: string; message: string; field?: string } {
  const typed = result as IpcResult<unknown>;
  assert.equal(typed.ok, false, `expected a refusal, got ${JSON.stringify(result)}`);
  if (typed.ok) throw new Error('unreachable');
  return typed.error;
}

describe('IPC registration', () => {
  test('registers one handler per contract entry and removes them all', () => {
    const { ipc, unregister } = setUp();
    assert.deepEqual([...ipc.handlers.keys()].sort(), Object.values(contract).map((entry) => entry.channel).sort());
    unregister();
    assert.equal(ipc.handlers.size, 0);
  });

  test("answers the app's own window with the value", async () => {
    const { ipc, window } = setUp();
    const result = await ipc.invoke(contract.getSettings.channel, invokeEvent(window), undefined);
    assert.deepEqual(result, { ok: true, value: createInMemorySettingsStore().get() });
  });

  test('refuses another web contents, an iframe, a foreign page and a vanished frame, each saying why', async () => {
    const { ipc, window, logger } = setUp();
    const stranger = new FakeWebContents('app://winbooks/index.html');
    const iframe = new FakeFrame('app://winbooks/index.html');
    iframe.parent = window.mainFrame;
    const cases = [
      { event: invokeEvent(stranger), reason: /did not come from the app window/u },
      { event: invokeEvent(window, iframe), reason: /embedded frame/u },
      { event: invokeEvent(window, null), reason: /not the app/u },
    ];
    window.mainFrame.url = 'app://winbooks/index.html';
    for (const { event, reason } of cases) {
      const error = failure(await ipc.invoke(contract.listAccounts.channel, event));
      assert.match(error.message, reason);
      assert.match(error.message, /Only the Winbooks Token Manager window/u);
    }
    // The app window itself, navigated to a foreign page somehow, is refused too.
    window.mainFrame.url = 'https://evil.example/';
    assert.match(failure(await ipc.invoke(contract.listAccounts.channel, invokeEvent(window))).message, /not the app/u);
    assert.equal(logger.events().filter((event) => event === 'ipc.sender-refused').length, 4);
  });

  test('refuses malformed payloads with invalid-input naming the field', async () => {
    const { ipc, window } = setUp();
    const event = invokeEvent(window);

    const missing = failure(await ipc.invoke(contract.addAccount.channel, event, { label: 'ACME', email: 'a@b.be', host: 'https://rapi.winbooksonweb.be' }));
    assert.equal(missing.code, 'invalid-input');
    assert.equal(missing.field, 'exchangeToken');
    assert.match(missing.message, /^Exchange token:/u);

    const wrongType = failure(await ipc.invoke(contract.copyToken.channel, event, { id: 'acct_12345678', format: 'cookie' }));
    assert.equal(wrongType.field, 'format');
    assert.match(wrongType.message, /^format: .*\(in copyToken\)/u);

    const extra = failure(await ipc.invoke(contract.removeAccount.channel, event, { id: 'acct_12345678', force: true }));
    assert.equal(extra.field, 'force');
    assert.match(extra.message, /force: not a field of removeAccount/u);

    const notAnObject = failure(await ipc.invoke(contract.updateSettings.channel, event, 'dark mode please'));
    assert.equal(notAnObject.field, 'request');
    assert.match(notAnObject.message, /^request: .*\(in updateSettings\)/u);

    const badSetting = failure(await ipc.invoke(contract.updateSettings.channel, event, { clipboardClearSeconds: -5 }));
    assert.equal(badSetting.field, 'clipboardClearSeconds');
    assert.match(badSetting.message, /^Clipboard delay:/u);
  });

  test('maps errors from the API to values: AppError keeps its code, anything else becomes internal', async () => {
    const api = realApi();
    const throwing: AppApi = { ...api, getAppInfo: () => Promise.reject(new TypeError('boom')) };
    const { ipc, window } = setUp(throwing);
    const event = invokeEvent(window);

    const wrongPassphrase = failure(await ipc.invoke(contract.unlockVault.channel, event, { passphrase: 'not it' }));
    assert.deepEqual(wrongPassphrase, { code: 'invalid-input', message: 'Passphrase: this passphrase does not open the vault.', field: 'passphrase' });

    const locked = failure(await ipc.invoke(contract.refreshAll.channel, event, undefined));
    assert.equal(locked.code, 'vault-locked');

    const internal = failure(await ipc.invoke(contract.getAppInfo.channel, event, undefined));
    assert.equal(internal.code, 'internal');
    assert.match(internal.message, /boom/u);
  });

  test('pushes account and vault events to the window, and skips a destroyed one', () => {
    const window = new FakeWebContents('app://winbooks/index.html');
    const events = createRendererEvents(() => window.asElectron());
    events.accountsChanged({ changed: [], removed: ['acct_12345678'] });
    events.vaultStateChanged(new MemoryVault().state());
    events.settingsChanged({ ...DEFAULT_SETTINGS, cliEnabled: true });
    assert.deepEqual(window.sent.map((message) => message.channel), [ACCOUNTS_CHANGED_CHANNEL, VAULT_STATE_CHANGED_CHANNEL, SETTINGS_CHANGED_CHANNEL]);
    assert.deepEqual(window.sent[0]?.payload, { changed: [], removed: ['acct_12345678'] });
    assert.deepEqual(window.sent[2]?.payload, { ...DEFAULT_SETTINGS, cliEnabled: true });
    window.destroyed = true;
    events.vaultStateChanged(new MemoryVault().state());
    assert.equal(window.sent.length, 3);
  });
});
