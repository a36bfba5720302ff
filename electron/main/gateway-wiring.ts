import type { BrowserWindow, Dialog } from 'electron';
import type { AuditSource } from '../core/app/app-api';
import type { ClipboardGuard } from '../core/app/clipboard-guard';
import type { SettingsStore } from '../core/app/settings-store';
import { AuditLog } from '../core/command-line/audit-log';
import type { AuthenticatorSource, VaultBoundFile } from '../core/common/authenticator';
import type { Logger } from '../core/common/logger';
import { FileGatewayKeyStore, gatewayKeysFilePath, GatewayKeys, GatewayServer } from '../core/gateway';
import { GatewayControl, type ConfirmDialog } from '../core/gateway/gateway-control';
import type { GatewayTexts } from '../core/gateway/gateway-texts';
import type { AccountsChange, TokenLifecycleApi } from '../core/tokens/lifecycle-api';

/**
 * The local API gateway wired into the app: keys in the data folder (digests only), the server following the
 * settings, keys of removed accounts dropped, its requests in the audit list beside the command line's.
 */

export interface GatewayWiringDeps {
  dataDirectory: string;
  settings: SettingsStore;
  lifecycle: () => TokenLifecycleApi | null;
  onAccountsChanged: (listener: (change: AccountsChange) => void) => () => void;
  clipboard: ClipboardGuard;
  dialogs: ConfirmDialog;
  texts: () => GatewayTexts;
  logger: Logger;
  /** The vault's: the key file is read only once it opens (vaultBound.verify) and signed with it. */
  authenticator: AuthenticatorSource;
}

export interface GatewayWiring {
  control: GatewayControl;
  /** Bind to the session before the settings, so the keys are checked before the gateway can start. */
  vaultBound: VaultBoundFile;
  audit: AuditLog;
  stop(): Promise<void>;
}

export async function wireGateway(deps: GatewayWiringDeps): Promise<GatewayWiring> {
  // No key is read before the vault opens: the file's tag needs the vault's key (until then the gateway has no key).
  const keys = new GatewayKeys(new FileGatewayKeyStore(gatewayKeysFilePath(deps.dataDirectory), deps.authenticator), { logger: deps.logger });
  let keysVerified = false;
  const vaultBound: VaultBoundFile = {
    verify: async () => {
      if (keysVerified) return;
      await keys.load();
      keysVerified = true;
    },
    resign: () => (keysVerified ? keys.saveAgain() : Promise.resolve()),
  };
  const audit = new AuditLog();
  const control = new GatewayControl({
    keys,
    settings: deps.settings,
    lifecycle: deps.lifecycle,
    clipboard: deps.clipboard,
    dialogs: deps.dialogs,
    texts: deps.texts,
    createServer: (port) => new GatewayServer({ port, lifecycle: deps.lifecycle, keys, audit, logger: deps.logger }),
    logger: deps.logger,
  });
  deps.settings.onChange((next, previous) => {
    if (next.gatewayEnabled !== previous.gatewayEnabled || next.gatewayPort !== previous.gatewayPort) void control.apply(next);
  });
  // Locking lists every account as removed: only an open vault's list says which accounts are really gone.
  deps.onAccountsChanged((change) => {
    const lifecycle = deps.lifecycle();
    if (lifecycle === null || change.removed.length === 0) return;
    keys.retainOnly(new Set(lifecycle.list().map((account) => account.id))).catch((error: unknown) => {
      deps.logger.warn('gateway.keys-prune-failed', { message: error instanceof Error ? error.message : String(error) });
    });
  });
  await control.apply(deps.settings.get());
  return { control, audit, vaultBound, stop: () => control.stop() };
}

/** The command line's audit and the gateway's, in one list, oldest first. */
export function combinedAudit(cli: AuditSource, ...others: { entries(): ReturnType<AuditLog['entries']> }[]): AuditSource {
  return {
    entries: async () => [...(await cli.entries()), ...others.flatMap((source) => source.entries())].sort((a, b) => a.at - b.at),
    // Refused and unauthenticated requests are the command line's counters; the gateway answers those with 403/404.
    counters: () => cli.counters(),
  };
}

/**
 * A yes/no question in a native dialog owned by main, until the app's MainDialogs port (electron/core/app) is
 * merged: then pass that instead.
 */
export function electronConfirm(dialog: Pick<Dialog, 'showMessageBox'>, window: () => BrowserWindow | null, texts: () => GatewayTexts): ConfirmDialog {
  return {
    async confirm(message) {
      const [title = message, ...rest] = message.split('\n\n');
      const words = texts();
      const options = { type: 'question' as const, message: title, detail: rest.join('\n\n'), buttons: [words.proceed, words.cancel], defaultId: 1, cancelId: 1, noLink: true };
      const parent = window();
      const { response } = parent === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options);
      return response === 0;
    },
  };
}
