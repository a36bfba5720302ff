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

export interface StartUpDeps {
  /** Electron safeStorage adapted; undefined when it cannot be used at all. */
  osEncryption: () => Promise<OsEncryption | undefined>;
  openVault: (osEncryption: OsEncryption | undefined) => Promise<SessionVault & { readonly keychain: KeychainAssessment }>;
  createLifecycle: (storage: AccountStorage) => StartableLifecycle;
  settings: SettingsStore;
  logger: Logger;
}

export interface StartedCore {
  session: AppSession;
  vault: SessionVault;
  keychain: KeychainAssessment;
}

export async function startCore(deps: StartUpDeps): Promise<StartedCore> {
  const osEncryption = await deps.osEncryption();
  const vault = await deps.openVault(osEncryption);
  const keychain = vault.keychain;
  deps.logger.info('startup.vault-opened', {
    state: vault.state().state,
    keychainUsable: keychain.usable,
    backend: keychain.backend ?? 'none',
  });
  const session = new AppSession({ vault, createLifecycle: deps.createLifecycle, settings: deps.settings, logger: deps.logger });
  await session.start();
  return { session, vault, keychain };
}

/**
 * The window opens at start unless the user asked to start in the tray and nothing needs them:
 * a locked, new or damaged vault always shows it (the tray cannot take a passphrase).
 */
export function showWindowAtStart(vaultState: VaultState, settings: Pick<Settings, 'startInTray'>): boolean {
  return vaultState.state !== 'open' || !settings.startInTray;
}
