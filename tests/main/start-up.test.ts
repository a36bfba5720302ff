import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SafeStorage } from 'electron';
import { createAppServices } from '../../electron/core/app/app-services';
import { DIALOG_TEXTS } from '../../electron/core/app/dialog-texts';
import { ScriptedDialogs } from '../harness/scripted-dialogs';
import { createClipboardGuard, InMemoryClipboard } from '../../electron/core/app/clipboard-guard';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { openVault } from '../../electron/core/vault';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import { safeStorageEncryption } from '../../electron/main/os-encryption';
import { showWindowAtStart, startCore } from '../../electron/main/start-up';
import { CapturingLogger } from '../support/lifecycle-fixture';

const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

/** safeStorage as Electron reports it on a Linux desktop, with a reversible stand-in for the cipher. */
function fakeSafeStorage(backend: ReturnType<SafeStorage['getSelectedStorageBackend']>, available = true): SafeStorage {
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: (text: string) => Promise.resolve(Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a))),
    decryptStringAsync: (data: Buffer) => Promise.resolve({ result: Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString(), shouldReEncrypt: false }),
  } as unknown as SafeStorage;
}

describe('start-up: OS encryption -> vault -> lifecycle', () => {
  let directory: string;
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'wtm-startup-'));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function start(dir: string, safeStorage: SafeStorage) {
    let lifecyclesCreated = 0;
    const settings = createInMemorySettingsStore({ startInTray: true });
    const core = await startCore({
      osEncryption: () => safeStorageEncryption(safeStorage, 'linux'),
      openVault: (osEncryption) => openVault({ store: { directory: dir }, osEncryption, scryptParams: FAST_SCRYPT }),
      createLifecycle: (storage) => {
        lifecyclesCreated += 1;
        return new TokenLifecycle({ client: createWinbooksTokenClient(), storage });
      },
      settings,
      logger: new CapturingLogger(),
    });
    return { ...core, settings, lifecyclesCreated: () => lifecyclesCreated };
  }

  test('Linux with basic_text: the passphrase screen, the window shown even when starting in the tray', async () => {
    const dir = join(directory, 'basic-text');
    const started = await start(dir, fakeSafeStorage('basic_text'));
    const state = started.vault.state();
    assert.equal(state.state, 'setup');
    assert.match(state.reason ?? '', /plain text|passphrase/u);
    assert.equal(started.keychain.usable, false);
    assert.equal(started.session.lifecycle(), null, 'no lifecycle before a passphrase is chosen');
    assert.equal(showWindowAtStart(state, started.settings.get()), true);

    // The create-passphrase screen sends its passphrase through the app API: the vault opens, the lifecycle starts.
    const { api } = createAppServices({
      session: started.session,
      settings: started.settings,
      clipboard: createClipboardGuard({ clipboard: new InMemoryClipboard() }),
      audit: { entries: () => [], counters: () => ({ unauthenticated: 0, refused: 0 }) },
      appInfo: () => ({ version: '0.1.0', platform: 'linux', locale: 'en', demo: false }),
      dialogs: new ScriptedDialogs(),
      dialogTexts: () => DIALOG_TEXTS.en,
    });
    const opened = await api.createPassphrase({ passphrase: 'correct horse battery staple' });
    assert.equal(opened.state, 'open');
    assert.equal(opened.protection, 'passphrase');
    assert.notEqual(started.session.lifecycle(), null);
    assert.equal(started.lifecyclesCreated(), 1);
    await started.session.shutdown();

    // Next start: the vault is locked until the passphrase is given.
    const again = await start(dir, fakeSafeStorage('basic_text'));
    assert.equal(again.vault.state().state, 'locked');
    assert.equal(again.session.lifecycle(), null);
    const unlocked = await again.session.unlock('correct horse battery staple');
    assert.equal(unlocked.state, 'open');
    assert.notEqual(again.session.lifecycle(), null);
    await again.session.shutdown();
  });

  test('a usable keychain (gnome_libsecret): the vault opens at once, the lifecycle runs, the tray start is honoured', async () => {
    const started = await start(join(directory, 'keyring'), fakeSafeStorage('gnome_libsecret'));
    assert.equal(started.vault.state().state, 'open');
    assert.equal(started.vault.state().protection, 'os-keychain');
    assert.notEqual(started.session.lifecycle(), null);
    assert.equal(showWindowAtStart(started.vault.state(), started.settings.get()), false);
    await started.session.shutdown();
  });

  test('encryption reported unavailable: passphrase path too', async () => {
    const started = await start(join(directory, 'unavailable'), fakeSafeStorage('gnome_libsecret', false));
    assert.equal(started.vault.state().state, 'setup');
    await started.session.shutdown();
  });
});
