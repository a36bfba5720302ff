import type { GatewayState, ResponseOf } from '../../shared/ipc-contract';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { ClipboardGuard } from '../app/clipboard-guard';
import type { SettingsStore } from '../app/settings-store';
import { AppError } from '../common/app-error';
import { silentLogger, type Logger } from '../common/logger';
import type { TokenLifecycleApi } from '../tokens/lifecycle-api';
import { gatewayBaseUrl, powerQuerySnippet } from './gateway-links';
import type { GatewayKeys } from './gateway-keys';
import type { GatewayTexts } from './gateway-texts';

/**
 * A yes/no question in a dialog main owns (never the renderer's). The app's MainDialogs port
 * (electron/core/app, being built at the same time) provides it; until then main adapts Electron's dialog.
 */
export interface ConfirmDialog {
  confirm(message: string): Promise<boolean>;
}

export interface GatewayServerPort {
  start(): Promise<void>;
  stop(): Promise<void>;
  isRunning(): boolean;
}

export interface GatewayControlDeps {
  keys: GatewayKeys;
  settings: SettingsStore;
  lifecycle: () => TokenLifecycleApi | null;
  clipboard: ClipboardGuard;
  dialogs: ConfirmDialog;
  texts: () => GatewayTexts;
  /** A gateway server on that port (not yet started). */
  createServer: (port: number) => GatewayServerPort;
  logger?: Logger;
}

export type GatewayCopy = ResponseOf<'copyGatewayUrl'>;

/** What the app API asks of the gateway (see app-api.ts). */
export interface GatewayOperations {
  state(): GatewayState;
  /** False when the person declined a change that widens access (turning the gateway on). */
  approveSettingsChange(patch: SettingsPatch, current: Settings): Promise<boolean>;
  copyUrl(accountId: string): Promise<GatewayCopy>;
  copyPowerQuerySnippet(accountId: string): Promise<GatewayCopy>;
  rotateKey(accountId: string): Promise<GatewayCopy>;
  revokeKey(accountId: string): Promise<void>;
}

/**
 * Main's side of the gateway: follows the settings (start, stop, move to another port), issues keys after a
 * confirmation in main's dialog and copies URLs and snippets to the clipboard in main. The renderer learns
 * which accounts have a key, never a key.
 */
export class GatewayControl implements GatewayOperations {
  private server: { port: number; handle: GatewayServerPort } | null = null;
  private error: string | null = null;
  private applying: Promise<void> = Promise.resolve();
  private readonly logger: Logger;

  constructor(private readonly deps: GatewayControlDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  /** Starts, stops or moves the server to match the settings. Never rejects: a failure is kept for state(). */
  apply(settings: Settings): Promise<void> {
    const step = this.applying.then(() => this.follow(settings));
    this.applying = step.catch(() => undefined);
    return step;
  }

  /** Before quit. */
  stop(): Promise<void> {
    return this.apply({ ...this.deps.settings.get(), gatewayEnabled: false });
  }

  state(): GatewayState {
    const settings = this.deps.settings.get();
    return {
      enabled: settings.gatewayEnabled,
      port: settings.gatewayPort,
      running: this.server?.handle.isRunning() ?? false,
      error: settings.gatewayEnabled ? this.error : null,
      accountsWithKey: this.deps.keys.accountsWithKey(),
    };
  }

  async approveSettingsChange(patch: SettingsPatch, current: Settings): Promise<boolean> {
    if (patch.gatewayEnabled !== true || current.gatewayEnabled) return true;
    return this.deps.dialogs.confirm(this.deps.texts().confirmEnable(patch.gatewayPort ?? current.gatewayPort));
  }

  copyUrl(accountId: string): Promise<GatewayCopy> {
    return this.copy(accountId, (port, key) => `${gatewayBaseUrl(port, key)}/app/`, false);
  }

  copyPowerQuerySnippet(accountId: string): Promise<GatewayCopy> {
    return this.copy(accountId, (port, key, label) => powerQuerySnippet(port, key, label), false);
  }

  rotateKey(accountId: string): Promise<GatewayCopy> {
    return this.copy(accountId, (port, key) => `${gatewayBaseUrl(port, key)}/app/`, true);
  }

  /**
   * For `winbooks-token url`: the URL of a key issued in this run of the app. Keys are shown only when issued
   * (issuing one is confirmed in the app, never from the command line), so otherwise this says what to do.
   */
  cliUrl(accountId: string): string {
    if (!this.deps.settings.get().gatewayEnabled) {
      throw new AppError('gateway-unavailable', 'The local API gateway is off: turn it on in the app (Settings > Local API gateway).');
    }
    const label = this.deps.lifecycle()?.get(accountId).label ?? accountId;
    const key = this.deps.keys.keyIssuedThisRun(accountId);
    if (key === null) {
      const why = this.deps.keys.hasKey(accountId) ? 'its gateway key was issued before the app last started and is never shown again' : 'it has no gateway key yet';
      throw new AppError('gateway-unavailable', `No gateway URL for "${label}": ${why}. In the app, use "Copy gateway URL" on "${label}", then run this again.`);
    }
    return `${gatewayBaseUrl(this.deps.settings.get().gatewayPort, key)}/app/`;
  }

  async revokeKey(accountId: string): Promise<void> {
    await this.deps.keys.revoke(accountId);
    this.logger.info('gateway.key-revoked', { account: accountId });
  }

  /** The key of this run, or a new one once the person agreed; then the text on the clipboard. */
  private async copy(accountId: string, textOf: (port: number, key: string, label: string) => string, forceNew: boolean): Promise<GatewayCopy> {
    const settings = this.deps.settings.get();
    if (!settings.gatewayEnabled) throw new AppError('gateway-unavailable', this.deps.texts().gatewayOff);
    const lifecycle = this.deps.lifecycle();
    if (lifecycle === null) throw new AppError('vault-locked', 'The vault is locked: unlock it with your passphrase to use your accounts.');
    const { label } = lifecycle.get(accountId);
    let key = forceNew ? null : this.deps.keys.keyIssuedThisRun(accountId);
    const newKey = key === null;
    if (key === null) {
      const texts = this.deps.texts();
      const question = this.deps.keys.hasKey(accountId) ? texts.confirmReplaceKey(label) : texts.confirmNewKey(label);
      if (!(await this.deps.dialogs.confirm(question))) return { copied: false, newKey: false, clearsInSeconds: 0 };
      key = await this.deps.keys.issue(accountId);
      this.logger.info('gateway.key-issued', { account: accountId, label });
    }
    const clearsInSeconds = settings.clipboardClearSeconds;
    await this.deps.clipboard.write(textOf(settings.gatewayPort, key, label), clearsInSeconds);
    return { copied: true, newKey, clearsInSeconds };
  }

  private async follow(settings: Settings): Promise<void> {
    const wanted = settings.gatewayEnabled ? settings.gatewayPort : null;
    if (this.server !== null && this.server.port === wanted && this.server.handle.isRunning()) return;
    if (this.server !== null) {
      await this.server.handle.stop().catch((error: unknown) => this.logger.warn('gateway.stop-failed', { message: AppError.from(error).message }));
      this.server = null;
    }
    this.error = null;
    if (wanted === null) return;
    const handle = this.deps.createServer(wanted);
    try {
      await handle.start();
      this.server = { port: wanted, handle };
    } catch (error) {
      this.error = AppError.from(error).message;
      this.logger.warn('gateway.start-failed', { port: wanted, message: this.error });
    }
  }
}
