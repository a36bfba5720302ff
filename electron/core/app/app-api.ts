import { OneAtATime } from '../common/one-at-a-time';
import type { AccountSummary } from '../../shared/account-summary';
import type { AppApi, AuditEntry, CliCounters, ResponseOf, VaultState } from '../../shared/ipc-contract';
import type { BackupExportResult, BackupImportResult } from '../../shared/backup-report';
import { AppError } from '../common/app-error';
import type { ClipboardGuard } from './clipboard-guard';
import type { Clock } from '../common/clock';
import { systemClock } from '../common/clock';
import type { GatewayOperations } from '../gateway/gateway-control';
import type { TokenLifecycleApi } from '../tokens/lifecycle-api';
import type { SettingsStore } from './settings-store';
import type { SessionLifecycleSettings } from './app-session';
import type { SettingsConfirmationDeps } from './settings-confirmation';
import { confirmWidening } from './settings-confirmation';

/** What the app API needs from the vault. The composition root adapts the real vault (electron/core/vault). */
export interface VaultPort {
  getState(): Promise<VaultState>;
  unlock(passphrase: string): Promise<VaultState>;
  createPassphrase(passphrase: string): Promise<VaultState>;
  changePassphrase(current: string, next: string): Promise<VaultState>;
  /** Keychain-only vault: a passphrase is added on top of the keychain, so the vault can be locked. */
  addPassphrase(passphrase: string): Promise<VaultState>;
  /** After a damaged file was kept aside: begin again with an empty vault. */
  startOver(): Promise<VaultState>;
  /** Drains the lifecycle, then drops the data key and every decrypted token. */
  lock(): Promise<VaultState>;
  /** The lifecycle's settings changed: applied to the running lifecycle and the next ones. */
  configureLifecycle(settings: Partial<SessionLifecycleSettings>): void;
}

/** Export and import, run by main with its own dialogs (BackupService). */
export interface BackupPort {
  exportBackup(): Promise<BackupExportResult>;
  importBackup(): Promise<BackupImportResult>;
}

/** The record of what the command line asked for, and the requests only counted. */
export interface AuditSource {
  entries(): Promise<AuditEntry[]> | AuditEntry[];
  counters(): CliCounters;
}

export type AppInfo = ResponseOf<'getAppInfo'>;

export interface CopiedEvent {
  account: AccountSummary;
  format: 'token' | 'header';
  expiresAt: number;
  clearsInSeconds: number;
}

export interface AppApiDeps {
  /** The running lifecycle, or null while the vault is not open. */
  lifecycle: () => TokenLifecycleApi | null;
  vault: VaultPort;
  backups: BackupPort;
  /** Main's dialogs, asked before a setting widens access (other hosts, the command line). */
  confirmations: Omit<SettingsConfirmationDeps, 'accounts'>;
  settings: SettingsStore;
  clipboard: ClipboardGuard;
  audit: AuditSource;
  appInfo: () => AppInfo;
  clock?: Clock;
  /** Told after every copy (e.g. to confirm it with a notification when the window is not in front). */
  onCopied?: (event: CopiedEvent) => void;
  /** The local API gateway (electron/core/gateway); absent where it is not wired (tests, the browser harness). */
  gateway?: GatewayOperations;
}

/** Every copy asks for a token valid at least this long: never an expired token on the clipboard. */
export const COPY_MIN_VALIDITY_SECONDS = 60;

export function authorizationHeader(accessToken: string): string {
  return `Authorization: Bearer ${accessToken}`;
}

function vaultLockedError(): AppError {
  return new AppError('vault-locked', 'The vault is locked: unlock it with your passphrase to use your accounts.');
}

/** The IPC contract implemented over the core services, independent of the transport. Rejects with AppError. */
export function createAppApi(deps: AppApiDeps): AppApi {
  const clock = deps.clock ?? systemClock;
  const settingsTurns = new OneAtATime();
  const lifecycle = (): TokenLifecycleApi => {
    const running = deps.lifecycle();
    if (running === null) throw vaultLockedError();
    return running;
  };
  const gateway = (): GatewayOperations => {
    if (deps.gateway === undefined) throw new AppError('gateway-unavailable', 'The local API gateway is not available in this build of the app.');
    return deps.gateway;
  };

  return {
    listAccounts: () => Promise.resolve({ accounts: deps.lifecycle()?.list() ?? [] }),
    addAccount: async (request) => ({ account: await lifecycle().add(request) }),
    updateAccount: async ({ id, patch }) => ({ account: await lifecycle().update(id, patch) }),
    replaceExchangeToken: async ({ id, exchangeToken }) => ({ account: await lifecycle().replaceExchangeToken(id, exchangeToken) }),
    removeAccount: async ({ id }) => {
      await lifecycle().remove(id);
      return { removed: true };
    },
    refreshAccount: async ({ id }) => ({ account: await lifecycle().refresh(id) }),
    refreshAll: async () => {
      const report = await lifecycle().refreshAll();
      return { refreshed: report.refreshed, skipped: report.skipped, failed: report.failed };
    },
    copyToken: async ({ id, format }) => {
      const fresh = await lifecycle().getFreshAccessToken(id, COPY_MIN_VALIDITY_SECONDS);
      if (fresh.expiresAt - clock.now() < COPY_MIN_VALIDITY_SECONDS * 1000) {
        throw new AppError('internal', 'The token to copy would expire within a minute; nothing was copied. Try again.');
      }
      const clearsInSeconds = deps.settings.get().clipboardClearSeconds;
      await deps.clipboard.write(format === 'header' ? authorizationHeader(fresh.accessToken) : fresh.accessToken, clearsInSeconds);
      deps.onCopied?.({ account: fresh.account, format, expiresAt: fresh.expiresAt, clearsInSeconds });
      return { expiresAt: fresh.expiresAt, clearsInSeconds };
    },
    getSettings: () => Promise.resolve(deps.settings.get()),
    // One change at a time: each is compared with the settings as the previous one left them, so a change made
    // while another's dialog is open cannot widen access past the question (the window may be compromised).
    updateSettings: (patch) => settingsTurns.next(async () => {
      // Turning the gateway on widens access: main's own dialog asks first; declined, nothing changes.
      if (deps.gateway !== undefined && !(await deps.gateway.approveSettingsChange(patch, deps.settings.get()))) return deps.settings.get();
      const accounts = (): AccountSummary[] => deps.lifecycle()?.list() ?? [];
      const confirmed = await confirmWidening(patch, deps.settings.get(), { ...deps.confirmations, accounts });
      const settings = deps.settings.update(confirmed);
      if ('refreshLeadSeconds' in confirmed || 'allowOtherHosts' in confirmed) {
        deps.vault.configureLifecycle({ refreshLeadSeconds: settings.refreshLeadSeconds, allowOtherHosts: settings.allowOtherHosts });
      }
      return settings;
    }),
    getVaultState: () => deps.vault.getState(),
    unlockVault: ({ passphrase }) => deps.vault.unlock(passphrase),
    createPassphrase: ({ passphrase }) => deps.vault.createPassphrase(passphrase),
    changePassphrase: ({ current, next }) => deps.vault.changePassphrase(current, next),
    addPassphrase: ({ passphrase }) => deps.vault.addPassphrase(passphrase),
    createNewVault: () => deps.vault.startOver(),
    lockVault: () => deps.vault.lock(),
    exportBackup: async () => {
      lifecycle();
      return deps.backups.exportBackup();
    },
    importBackup: async () => {
      lifecycle();
      return deps.backups.importBackup();
    },
    getCliAudit: async () => ({ entries: await deps.audit.entries(), counters: deps.audit.counters() }),
    getAppInfo: () => Promise.resolve(deps.appInfo()),
    getGatewayState: () => Promise.resolve().then(() => gateway().state()),
    copyGatewayUrl: ({ id }) => gateway().copyUrl(id),
    copyPowerQuerySnippet: ({ id }) => gateway().copyPowerQuerySnippet(id),
    rotateGatewayKey: ({ id }) => gateway().rotateKey(id),
    revokeGatewayKey: async ({ id }) => {
      await gateway().revokeKey(id);
      return { revoked: true };
    },
  };
}
