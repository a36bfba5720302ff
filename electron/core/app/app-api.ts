import type { AccountSummary } from '../../shared/account-summary';
import type { AppApi, AuditEntry, ResponseOf, VaultState } from '../../shared/ipc-contract';
import { AppError } from '../common/app-error';
import type { ClipboardGuard } from './clipboard-guard';
import type { Clock } from '../common/clock';
import { systemClock } from '../common/clock';
import type { GatewayOperations } from '../gateway/gateway-control';
import type { TokenLifecycleApi } from '../tokens/lifecycle-api';
import type { SettingsStore } from './settings-store';

/** What the app API needs from the vault. The composition root adapts the real vault (electron/core/vault). */
export interface VaultPort {
  getState(): Promise<VaultState>;
  unlock(passphrase: string): Promise<VaultState>;
  createPassphrase(passphrase: string): Promise<VaultState>;
  changePassphrase(current: string, next: string): Promise<VaultState>;
  /** After a damaged file was kept aside: begin again with an empty vault. */
  startOver(): Promise<VaultState>;
  exportBackup(passphrase: string): Promise<ResponseOf<'exportBackup'>>;
  importBackup(passphrase: string, content: string): Promise<ResponseOf<'importBackup'>>;
}

/** The record of what the command line asked for (issue 7 fills it). */
export interface AuditSource {
  entries(): Promise<AuditEntry[]> | AuditEntry[];
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
    updateSettings: async (patch) => {
      // Turning the gateway on widens access: main's own dialog asks first; declined, nothing changes.
      if (deps.gateway !== undefined && !(await deps.gateway.approveSettingsChange(patch, deps.settings.get()))) return deps.settings.get();
      const settings = deps.settings.update(patch);
      if ('refreshLeadSeconds' in patch) deps.lifecycle()?.configure({ refreshLeadSeconds: settings.refreshLeadSeconds });
      return settings;
    },
    getVaultState: () => deps.vault.getState(),
    unlockVault: ({ passphrase }) => deps.vault.unlock(passphrase),
    createPassphrase: ({ passphrase }) => deps.vault.createPassphrase(passphrase),
    changePassphrase: ({ current, next }) => deps.vault.changePassphrase(current, next),
    createNewVault: () => deps.vault.startOver(),
    exportBackup: async ({ passphrase }) => {
      lifecycle();
      return deps.vault.exportBackup(passphrase);
    },
    importBackup: async ({ passphrase, content }) => {
      lifecycle();
      return deps.vault.importBackup(passphrase, content);
    },
    getCliAudit: async () => ({ entries: await deps.audit.entries() }),
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
