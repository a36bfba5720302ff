import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
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

/** Electron 45's rejection when a key provider cannot answer yet (shell/browser/api/electron_api_safe_storage.cc). */
const TEMPORARILY_UNAVAILABLE = 'safeStorage.decryptStringAsync is temporarily unavailable. Please try again.';

interface FakeSafeStorageOptions {
  available?: boolean;
  /** Like a keyring still locked at login: every decryption is refused as temporarily unavailable. */
  keyringLocked?: boolean;
  /** Decryptions report shouldReEncrypt (the key was rotated). */
  rotated?: boolean;
  platform?: NodeJS.Platform;
}

/**
 * safeStorage's async API as Electron 45 has it, with a reversible stand-in for the cipher tagged by key
 * generation. getSelectedStorageBackend exists on Linux only (bound under IS_LINUX).
 */
function fakeSafeStorage(backend: ReturnType<SafeStorage['getSelectedStorageBackend']>, options: FakeSafeStorageOptions = {}): SafeStorage & { encryptions: number } {
  const key = options.rotated === true ? 0x33 : 0x5a;
  const fake = {
    encryptions: 0,
    isAsyncEncryptionAvailable: () => Promise.resolve(options.available ?? true),
    encryptStringAsync: (text: string) => {
      fake.encryptions += 1;
      return Promise.resolve(Buffer.from([key, ...[...Buffer.from(text)].map((byte) => byte ^ key)]));
    },
    decryptStringAsync: (data: Buffer) => {
      if (options.keyringLocked === true) return Promise.reject(new Error(TEMPORARILY_UNAVAILABLE));
      const [used = 0, ...rest] = [...data];
      return Promise.resolve({ result: Buffer.from(rest.map((byte) => byte ^ used)).toString(), shouldReEncrypt: used !== key });
    },
  };
  const platform = options.platform ?? 'linux';
  if (platform === 'linux') Object.assign(fake, { getSelectedStorageBackend: () => backend });
  return fake as unknown as SafeStorage & { encryptions: number };
}

const noWait = (): Promise<void> => Promise.resolve();

describe('start-up: OS encryption -> vault -> lifecycle', () => {
  let directory: string;
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'wtm-startup-'));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function start(dir: string, safeStorage: SafeStorage, platform: NodeJS.Platform = 'linux') {
    let lifecyclesCreated = 0;
    const settings = createInMemorySettingsStore({ startInTray: true });
    const logger = new CapturingLogger();
    const core = await startCore({
      osEncryption: () => safeStorageEncryption(safeStorage, platform, noWait),
      openVault: (osEncryption) => openVault({ store: { directory: dir }, osEncryption, scryptParams: FAST_SCRYPT }),
      createLifecycle: (storage) => {
        lifecyclesCreated += 1;
        return new TokenLifecycle({ client: createWinbooksTokenClient(), storage });
      },
      settings,
      logger,
    });
    return { ...core, settings, logger, lifecyclesCreated: () => lifecyclesCreated };
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
    const started = await start(join(directory, 'unavailable'), fakeSafeStorage('gnome_libsecret', { available: false }));
    assert.equal(started.vault.state().state, 'setup');
    await started.session.shutdown();
  });

  test('a keyring still locked at login: the vault waits ("not ready"), it is never called damaged nor copied aside', async () => {
    const dir = join(directory, 'locked-keyring');
    const first = await start(dir, fakeSafeStorage('gnome_libsecret'));
    assert.equal(first.vault.state().state, 'open');
    await first.session.shutdown();

    const locked = await start(dir, fakeSafeStorage('gnome_libsecret', { keyringLocked: true }));
    const state = locked.vault.state();
    assert.equal(state.state, 'locked');
    assert.equal(state.keptAsidePath, null);
    assert.match(state.reason ?? '', /not ready/u);
    assert.deepEqual((await readdir(dir)).filter((name) => name.includes('damaged')), [], 'nothing copied aside');
    await locked.session.shutdown();

    const later = await start(dir, fakeSafeStorage('gnome_libsecret'));
    assert.equal(later.vault.state().state, 'open', 'the same file opens once the keyring is unlocked');
    await later.session.shutdown();
  });

  test('shouldReEncrypt: the vault key is wrapped again with the keychain\'s current key', async () => {
    const dir = join(directory, 'rotated');
    const first = await start(dir, fakeSafeStorage('kwallet5'));
    await first.session.shutdown();
    const rotated = fakeSafeStorage('kwallet5', { rotated: true });
    const second = await start(dir, rotated);
    assert.equal(second.vault.state().state, 'open');
    assert.equal(rotated.encryptions, 1, `wrapped again once: ${second.logger.lines.join('\n')}`);
    await second.session.shutdown();
    const third = fakeSafeStorage('kwallet5', { rotated: true });
    const again = await start(dir, third);
    assert.equal(again.vault.state().state, 'open');
    assert.equal(third.encryptions, 0, 'the new wrap needs no further re-encryption');
    await again.session.shutdown();
  });

  test('protection is judged on the backend the async API reports: unknown is not protection', async () => {
    const linux = await safeStorageEncryption(fakeSafeStorage('unknown'), 'linux', noWait);
    assert.equal(linux.isAvailable(), false);
    const basic = await safeStorageEncryption(fakeSafeStorage('basic_text'), 'linux', noWait);
    assert.equal(basic.backend(), 'basic_text');
    // getSelectedStorageBackend does not exist outside Linux: it is never called there.
    const mac = await safeStorageEncryption(fakeSafeStorage('unknown', { platform: 'darwin' }), 'darwin', noWait);
    assert.equal(mac.backend(), 'keychain');
    assert.equal(mac.isAvailable(), true);
  });
});
