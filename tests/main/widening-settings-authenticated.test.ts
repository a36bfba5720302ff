import assert from 'node:assert/strict';
import { test } from 'node:test';
import Conf from 'conf';
import { AppSession } from '../../electron/core/app/app-session';
import { PersistedSettingsStore } from '../../electron/core/app/settings-store';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import type { VaultHandle } from '../../electron/core/vault/index';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import { PREFERENCES_STORE_NAME, preferencesBackend } from '../../electron/main/settings-backend';
import { DEFAULT_SETTINGS } from '../../electron/shared/settings';
import { PASSPHRASE, inTempDirectory, openTestVault } from '../vault/support';

/**
 * The settings that widen access (command line, its accounts, other API addresses, the gateway) are read back
 * from the preferences file, which any process of the user can edit while the app is closed or locked: they are
 * trusted only when their tag verifies with the open vault's key. The app is started as main starts it: the
 * real vault, the real preferences backend on a conf file, the session verifying at unlock.
 */

const ACCOUNTS = ['account-one-0001', 'account-two-0002'];
const WIDENED = { cliEnabled: true, cliAccounts: ACCOUNTS, allowOtherHosts: true, gatewayEnabled: true };
const SAFE = { cliEnabled: false, cliAccounts: [], allowOtherHosts: false, gatewayEnabled: false };
const NEW_PASSPHRASE = 'a brand new passphrase 42';

interface RunningApp {
  vault: VaultHandle;
  preferences: Conf<Record<string, unknown>>;
  settings: PersistedSettingsStore;
  session: AppSession;
  stop(): Promise<void>;
}

async function startApp(directory: string): Promise<RunningApp> {
  const vault = await openTestVault(directory);
  const preferences = new Conf<Record<string, unknown>>({ cwd: directory, configName: PREFERENCES_STORE_NAME });
  const settings = new PersistedSettingsStore(preferencesBackend(preferences), { authenticator: (purpose) => vault.authenticator(purpose) });
  const session = new AppSession({ vault, settings, createLifecycle: (storage) => new TokenLifecycle({ client: createWinbooksTokenClient(), storage }) });
  session.bindFile(settings.asVaultBoundFile());
  await session.start();
  return {
    vault,
    preferences,
    settings,
    session,
    stop: async () => {
      await session.shutdown();
      await vault.close();
    },
  };
}

function widening(settings: PersistedSettingsStore): Record<string, unknown> {
  const { cliEnabled, cliAccounts, allowOtherHosts, gatewayEnabled } = settings.get();
  return { cliEnabled, cliAccounts, allowOtherHosts, gatewayEnabled };
}

/** First run: a vault with a passphrase, optionally the widening settings turned on through main. */
async function firstRun(directory: string, widen: boolean): Promise<void> {
  const app = await startApp(directory);
  await app.session.createPassphrase(PASSPHRASE);
  if (widen) app.settings.update(WIDENED);
  await app.stop();
}

test('widening settings written into the preferences file without a valid tag are off and empty after unlock', async () => {
  await inTempDirectory(async ({ path }) => {
    await firstRun(path, false);
    const editor = new Conf<Record<string, unknown>>({ cwd: path, configName: PREFERENCES_STORE_NAME });
    editor.set('settings', { ...(editor.get('settings') as object), ...WIDENED, clipboardClearSeconds: 45 });

    const app = await startApp(path);
    assert.equal(app.vault.state().state, 'locked');
    assert.deepEqual(widening(app.settings), SAFE, 'nothing widened is shown or used before the vault opens');
    await app.session.unlock(PASSPHRASE);
    assert.deepEqual(widening(app.settings), SAFE);
    assert.equal(app.settings.get().clipboardClearSeconds, 45, 'the settings that widen nothing are kept');
    assert.deepEqual({ ...(app.preferences.get('settings') as object) }, { ...DEFAULT_SETTINGS, clipboardClearSeconds: 45 }, 'the file is reset too');
    await app.stop();
  });
});

test('a preferences file from before the tag (first start after the upgrade) has its widening settings turned off', async () => {
  await inTempDirectory(async ({ path }) => {
    await firstRun(path, true);
    const editor = new Conf<Record<string, unknown>>({ cwd: path, configName: PREFERENCES_STORE_NAME });
    editor.delete('settingsWideningTag');

    const app = await startApp(path);
    await app.session.unlock(PASSPHRASE);
    assert.deepEqual(widening(app.settings), SAFE);
    await app.stop();
  });
});

test('a tag copied onto other widening values does not verify', async () => {
  await inTempDirectory(async ({ path }) => {
    await firstRun(path, true);
    const editor = new Conf<Record<string, unknown>>({ cwd: path, configName: PREFERENCES_STORE_NAME });
    editor.set('settings', { ...(editor.get('settings') as object), cliAccounts: [...ACCOUNTS, 'account-three-03'] });

    const app = await startApp(path);
    await app.session.unlock(PASSPHRASE);
    assert.deepEqual(widening(app.settings), SAFE);
    await app.stop();
  });
});

test('widening settings changed through main survive a restart, and take effect only once the vault opens', async () => {
  await inTempDirectory(async ({ path }) => {
    await firstRun(path, true);
    const app = await startApp(path);
    const heard: boolean[] = [];
    app.settings.onChange((next, previous) => {
      if (next.cliEnabled !== previous.cliEnabled) heard.push(next.cliEnabled);
    });
    assert.deepEqual(widening(app.settings), SAFE);
    assert.throws(() => app.settings.update({ cliEnabled: true }), { code: 'vault-locked' }, 'no widening change while the vault is locked');
    await app.session.unlock(PASSPHRASE);
    assert.deepEqual(widening(app.settings), WIDENED);
    assert.deepEqual(heard, [true], 'the command line hears it is on once verified');
    await app.stop();
  });
});

test('a passphrase change signs the widening settings again with the new data key', async () => {
  await inTempDirectory(async ({ path }) => {
    await firstRun(path, true);
    const app = await startApp(path);
    await app.session.unlock(PASSPHRASE);
    const tagBefore = app.preferences.get('settingsWideningTag');
    await app.session.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
    assert.notEqual(app.preferences.get('settingsWideningTag'), tagBefore);
    await app.stop();

    const reopened = await startApp(path);
    await reopened.session.unlock(NEW_PASSPHRASE);
    assert.deepEqual(widening(reopened.settings), WIDENED);
    await reopened.stop();
  });
});
