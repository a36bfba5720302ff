import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../electron/core/app/app-services';
import { dialogTextsFor } from '../../electron/core/app/dialog-texts';
import { AppSession } from '../../electron/core/app/app-session';
import type { SessionVault } from '../../electron/core/app/app-session';
import { createClipboardGuard } from '../../electron/core/app/clipboard-guard';
import type { MainDialogs } from '../../electron/core/app/main-dialogs';
import type { AccountsChange } from '../../electron/core/tokens/lifecycle-api';
import { resolveMainLanguage } from '../../electron/core/app/main-texts';
import { AuditLog } from '../../electron/core/command-line/audit-log';
import { GatewayControl } from '../../electron/core/gateway/gateway-control';
import { InMemoryGatewayKeyStore } from '../../electron/core/gateway/gateway-key-store';
import { GatewayKeys } from '../../electron/core/gateway/gateway-keys';
import { GatewayServer } from '../../electron/core/gateway/gateway-server';
import { GATEWAY_TEXTS } from '../../electron/core/gateway/gateway-texts';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { openVault } from '../../electron/core/vault';
import type { VaultHandle } from '../../electron/core/vault';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import type { AppApi, AuditEntry, CliCounters, VaultState } from '../../electron/shared/ipc-contract';
import type { Settings } from '../../electron/shared/settings';
import { MemoryClipboard } from './memory-clipboard';
import { createMemoryVault } from './memory-vault';
import { ScriptedDialogs } from './scripted-dialogs';
import { createTestOsEncryption } from './test-os-encryption';

/**
 * The app behind the harness: the real app API, session and token lifecycle, talking to the Winbooks
 * sandbox, over in-memory storage or the real encrypted vault in a temporary folder.
 *   memory           - always open, nothing on disk (fastest)
 *   vault-keychain   - the real vault, opened at once with a stand-in OS keychain
 *   vault-passphrase - the real vault without a keychain: 'setup' when new, 'locked' when reopened
 */
export type HarnessStorage = 'memory' | 'vault-keychain' | 'vault-passphrase';

export interface HarnessBackendOptions {
  storage?: HarnessStorage;
  /** Reuse a vault folder (e.g. to reopen a passphrase vault as 'locked'); kept on close when given. */
  vaultDirectory?: string;
  settings?: Partial<Settings>;
  /** The "OS locale" the app reports (getAppInfo). */
  locale?: string;
  demo?: boolean;
  audit?: AuditEntry[];
  cliCounters?: CliCounters;
  tokenTimeoutMs?: number;
  /** Main's dialogs; default: a ScriptedDialogs that cancels whatever is not scripted. */
  dialogs?: ScriptedDialogs;
  /** Replaces the scripted dialogs altogether (the dev harness prints each question and answers it). */
  mainDialogs?: MainDialogs;
  /** Told of every clipboard write (the dev harness prints gateway URLs). */
  onClipboardWrite?: (text: string) => void;
}

export interface HarnessBackend {
  readonly api: AppApi;
  readonly clipboard: MemoryClipboard;
  /** What "the user" answers to main's dialogs (export, import, wider settings): script it before the action. */
  readonly dialogs: ScriptedDialogs;
  readonly vaultDirectory: string | null;
  onAccountsChanged(listener: (change: AccountsChange) => void): () => void;
  onVaultStateChanged(listener: (state: VaultState) => void): () => void;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  close(): Promise<void>;
}

/** Cheap scrypt for the harness only: a passphrase wrap in milliseconds instead of ~100 ms. */
const HARNESS_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

export async function createHarnessBackend(options: HarnessBackendOptions = {}): Promise<HarnessBackend> {
  const storage = options.storage ?? 'vault-keychain';
  let vault: SessionVault;
  let handle: VaultHandle | null = null;
  let ownDirectory: string | null = null;
  let vaultDirectory: string | null = null;
  if (storage === 'memory') {
    vault = createMemoryVault();
  } else {
    vaultDirectory = options.vaultDirectory ?? (ownDirectory = await mkdtemp(join(tmpdir(), 'wtm-harness-')));
    handle = await openVault({
      store: { directory: vaultDirectory },
      ...(storage === 'vault-keychain' ? { osEncryption: createTestOsEncryption() } : {}),
      scryptParams: HARNESS_SCRYPT,
    });
    vault = handle;
  }

  const settings = createInMemorySettingsStore(options.settings);
  const client = createWinbooksTokenClient({ timeoutMs: options.tokenTimeoutMs ?? 5_000 });
  const session = new AppSession({
    vault,
    settings,
    createLifecycle: (accountStorage) => new TokenLifecycle({ client, storage: accountStorage, settings: { refreshLeadSeconds: settings.get().refreshLeadSeconds } }),
  });
  const clipboard = new MemoryClipboard(options.onClipboardWrite);
  const guard = createClipboardGuard({ clipboard });
  const audit = options.audit ?? [];
  const counters = options.cliCounters ?? { unauthenticated: 0, refused: 0 };
  const dialogs = options.dialogs ?? new ScriptedDialogs();
  const mainDialogs: MainDialogs = options.mainDialogs ?? dialogs;
  // The real gateway on loopback, off until Settings turns it on (keys in memory; main's dialog is scripted).
  const gatewayAudit = new AuditLog();
  const gatewayKeys = new GatewayKeys(new InMemoryGatewayKeyStore());
  const gatewayTexts = () => GATEWAY_TEXTS[resolveMainLanguage(settings.get().language, options.locale ?? 'en-GB')];
  const gateway = new GatewayControl({
    keys: gatewayKeys,
    settings,
    lifecycle: () => session.lifecycle(),
    clipboard: guard,
    dialogs: {
      confirm: async (message) => (await mainDialogs.confirm({ title: 'Gateway', message, detail: '', confirmLabel: 'OK', cancelLabel: 'Cancel' })).confirmed,
    },
    texts: gatewayTexts,
    createServer: (port) => new GatewayServer({ port, lifecycle: () => session.lifecycle(), keys: gatewayKeys, audit: gatewayAudit }),
  });
  const unsubscribeGateway = settings.onChange((next, previous) => {
    if (next.gatewayEnabled !== previous.gatewayEnabled || next.gatewayPort !== previous.gatewayPort) void gateway.apply(next);
  });
  const { api } = createAppServices({
    session,
    settings,
    clipboard: guard,
    gateway,
    audit: { entries: () => [...audit, ...gatewayAudit.entries()].sort((a, b) => a.at - b.at), counters: () => counters },
    appInfo: () => ({ version: '0.0.0-harness', platform: process.platform, locale: options.locale ?? 'en-GB', demo: options.demo ?? false }),
    dialogs: mainDialogs,
    dialogTexts: () => dialogTextsFor(settings.get().language, options.locale ?? 'en-GB'),
    backupKdfParams: HARNESS_SCRYPT,
  });
  await session.start();
  await gateway.apply(settings.get());
  const lock = harnessLock(api, session);

  return {
    api: lock.api,
    clipboard,
    dialogs,
    vaultDirectory,
    onAccountsChanged: (listener) => session.onAccountsChanged(listener),
    onSettingsChanged: (listener) => settings.onChange((next) => listener(next)),
    onVaultStateChanged: (listener) => {
      const unsubscribe = session.onVaultStateChanged(listener);
      const unsubscribeLock = lock.onStateChanged(listener);
      return () => {
        unsubscribe();
        unsubscribeLock();
      };
    },
    async close() {
      unsubscribeGateway();
      await gateway.stop();
      guard.dispose();
      await session.shutdown();
      await handle?.close();
      if (ownDirectory !== null) await rm(ownDirectory, { recursive: true, force: true });
    },
  };
}

/**
 * The harness's stand-in for locking (the app's real lock lives in main and the vault): lockVault reports the
 * vault locked and the window shows the unlock screen; any non-empty passphrase opens it again. Test and
 * development only.
 */
function harnessLock(core: AppApi, session: AppSession) {
  const listeners = new Set<(state: VaultState) => void>();
  let locked = false;
  const lockedState = async (): Promise<VaultState> => ({ ...(await session.getState()), state: 'locked', reason: null });
  const emit = (state: VaultState): void => {
    for (const listener of listeners) listener(state);
  };
  const api: AppApi = {
    ...core,
    lockVault: async () => {
      locked = true;
      const state = await lockedState();
      emit(state);
      return state;
    },
    getVaultState: () => (locked ? lockedState() : core.getVaultState(undefined)),
    unlockVault: async (request) => {
      if (!locked) return core.unlockVault(request);
      locked = false;
      const state = await core.getVaultState(undefined);
      emit(state);
      return state;
    },
  };
  return {
    api,
    onStateChanged(listener: (state: VaultState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
