import type { AccountStorage } from '../core/tokens/account-storage';
import { AppSession } from '../core/app/app-session';
import type { SessionVault, StartableLifecycle } from '../core/app/app-session';
import type { Logger } from '../core/common/logger';
import type { SettingsStore } from '../core/app/settings-store';
import type { KeychainAssessment, OsEncryption } from '../core/vault/os-encryption';
import type { VaultState } from '../shared/ipc-contract';
import type { Settings } from '../shared/settings';

/**
 * The start-up order, after Electron's 'ready': check the OS encryption and its backend, open the vault
 * (which is 'open' with a usable keychain, or waits on the unlock / create-passphrase screen), start the
 * lifecycle if the vault is open. The tray and the window come after, in the composition root.
 */

/** The vault as opened by core, with what start-up needs beyond the session's part. */
export interface CoreVault extends SessionVault {
  readonly keychain: KeychainAssessment;
  /** With the vault open and keychain-protected: wraps the key again with the keychain's current key. */
  createWithOsKeychain?(): Promise<VaultState>;
}

/** safeStorage adapted; reEncryptWanted tells that a decryption asked for the data to be encrypted again. */
export type StartUpEncryption = OsEncryption & { reEncryptWanted?(): boolean };

export interface OpenCoreDeps {
  /** Electron safeStorage adapted; undefined when it cannot be used at all. */
  osEncryption: () => Promise<StartUpEncryption | undefined>;
  openVault: (osEncryption: OsEncryption | undefined) => Promise<CoreVault>;
  logger: Logger;
}

export interface StartUpDeps extends OpenCoreDeps {
  createLifecycle: (storage: AccountStorage) => StartableLifecycle;
  settings: SettingsStore;
}

export interface StartedCore {
  session: AppSession;
  vault: SessionVault;
  keychain: KeychainAssessment;
}

/**
 * Checks the OS encryption and its backend, opens the vault, and acts on safeStorage's shouldReEncrypt: the
 * vault key is wrapped again with the keychain's current key (a rotated or stronger one), so the old key can go.
 */
export async function openCore(deps: OpenCoreDeps): Promise<CoreVault> {
  const osEncryption = await deps.osEncryption();
  const vault = await deps.openVault(osEncryption);
  const keychain = vault.keychain;
  deps.logger.info('startup.vault-opened', {
    state: vault.state().state,
    keychainUsable: keychain.usable,
    backend: keychain.backend ?? 'none',
  });
  const state = vault.state();
  if (osEncryption?.reEncryptWanted?.() === true && state.state === 'open' && state.protection === 'os-keychain' && vault.createWithOsKeychain !== undefined) {
    try {
      await vault.createWithOsKeychain();
      deps.logger.info('startup.vault-key-re-encrypted');
    } catch (error) {
      // The old wrap still opens the vault: keep it and try again at the next start.
      deps.logger.warn('startup.vault-key-re-encrypt-failed', { message: error instanceof Error ? error.message : String(error) });
    }
  }
  return vault;
}

export async function startCore(deps: StartUpDeps): Promise<StartedCore> {
  const vault = await openCore(deps);
  const session = new AppSession({ vault, createLifecycle: deps.createLifecycle, settings: deps.settings, logger: deps.logger });
  await session.start();
  return { session, vault, keychain: vault.keychain };
}

/**
 * The window opens at start unless the user asked to start in the tray and nothing needs them:
 * a locked, new or damaged vault always shows it (the tray cannot take a passphrase).
 */
export function showWindowAtStart(vaultState: VaultState, settings: Pick<Settings, 'startInTray'>): boolean {
  return vaultState.state !== 'open' || !settings.startInTray;
}
