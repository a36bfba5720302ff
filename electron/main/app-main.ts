import { BrowserWindow, ClipboardItem, Menu, Notification, Tray, app, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage, session as electronSession } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { createAppApi } from '../core/app/app-api';
import type { SessionVault } from '../core/app/app-session';
import { watchAttention } from '../core/app/attention-notifier';
import { CliServer, DATA_DIRECTORY_ENV } from '../core/command-line';
import { createClipboardGuard } from '../core/app/clipboard-guard';
import { systemClock } from '../core/common/clock';
import { mainTextsFor } from '../core/app/main-texts';
import type { MainTexts } from '../core/app/main-texts';
import { copyNotice } from '../core/app/notices';
import { PersistedSettingsStore } from '../core/app/settings-store';
import { TokenLifecycle } from '../core/tokens/token-lifecycle';
import { openVault } from '../core/vault';
import type { KeychainAssessment, OsEncryption } from '../core/vault/os-encryption';
import { createWinbooksTokenClient } from '../core/winbooks/winbooks-client';
import { OPEN_ACCOUNT_CHANNEL } from '../shared/ipc-contract';
import type { AppApi } from '../shared/ipc-contract';
import { createAppProtocolHandler } from './app-protocol';
import { keepRunningOnClose, trayHintNotice } from './close-to-tray';
import { consoleLogger } from './console-logger';
import { contentSecurityPolicy } from './content-security-policy';
import { electronClipboardPort } from './electron-clipboard';
import { electronNotifier } from './electron-notifier';
import { createRendererEvents, electronIpcMain, registerAppApi } from './ipc-registration';
import { safeStorageEncryption } from './os-encryption';
import { resyncOnWake } from './power-events';
import { holdQuitForCleanup } from './quit-sequence';
import { APP_SCHEME, DEV_SERVER_ENV, chooseRendererSource, isAllowedRequestUrl, isTrustedRendererUrl, rendererEntryUrl } from './renderer-source';
import { PREFERENCES_STORE_NAME, preferencesBackend, trayHintFlag } from './settings-backend';
import { showWindowAtStart, startCore } from './start-up';
import { trayActionHandler } from './tray-actions';
import { createTrayController } from './tray-controller';
import { combinedAudit, electronConfirm, wireGateway } from './gateway-wiring';
import { GATEWAY_TEXTS } from '../core/gateway/gateway-texts';
import { resolveMainLanguage } from '../core/app/main-texts';
import { guardSession, guardWebContents, mainWindowOptions } from './window-security';

/** The composition root: every service is built here, once, and wired to Electron. */

export interface DemoOptions {
  /** Replaces the encrypted vault (the demo keeps its accounts in memory). */
  vault: SessionVault & { readonly keychain: KeychainAssessment };
  /** Runs once the app API is ready, e.g. to add the demo accounts. */
  seed: (api: AppApi) => Promise<void>;
}

export interface RunAppOptions {
  demo?: DemoOptions;
}

const APP_DIR = join(__dirname, '..');
export const E2E_ENV = 'WTM_E2E';
export const E2E_TRAY_ACTION = 'wtmTrayAction';

export function runApp(options: RunAppOptions = {}): void {
  const logger = consoleLogger();
  // The winbooks-token CLI finds the app through this folder: both honour the same override.
  const dataDirectoryOverride = process.env[DATA_DIRECTORY_ENV];
  if (dataDirectoryOverride !== undefined && dataDirectoryOverride.trim() !== '') app.setPath('userData', dataDirectoryOverride);
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.whenReady()
    .then(() => start(options, logger))
    .catch((error: unknown) => {
      logger.error('startup.failed', { message: error instanceof Error ? error.message : String(error) });
      app.exit(1);
    });
}

async function start(options: RunAppOptions, logger: ReturnType<typeof consoleLogger>): Promise<void> {
  const clock = systemClock;
  const preferences = new ElectronStore({ name: PREFERENCES_STORE_NAME, configFileMode: 0o600 });
  const settings = new PersistedSettingsStore(preferencesBackend(preferences));
  const hint = trayHintFlag(preferences);
  // Tray and notifications speak the language chosen in settings ("system": the OS locale's).
  const texts = (): MainTexts => mainTextsFor(settings.get().language, app.getLocale());

  const { session, vault } = await startCore({
    osEncryption: async (): Promise<OsEncryption | undefined> => (options.demo === undefined ? safeStorageEncryption(safeStorage, process.platform) : undefined),
    openVault: async (osEncryption) => options.demo?.vault ?? openVault({ store: { directory: app.getPath('userData') }, osEncryption, logger }),
    createLifecycle: (storage) => new TokenLifecycle({ client: createWinbooksTokenClient(), storage, clock, logger }),
    settings,
    logger,
  });

  let window: BrowserWindow | null = null;
  const source = chooseRendererSource({ isPackaged: app.isPackaged, devServerUrl: process.env[DEV_SERVER_ENV], distDir: join(APP_DIR, 'dist') });
  const csp = contentSecurityPolicy(source);
  const isTrustedUrl = (url: string): boolean => isTrustedRendererUrl(url, source);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ distDir: join(APP_DIR, 'dist'), csp }));
  guardSession(electronSession.defaultSession, { csp, isAllowedRequest: (url) => isAllowedRequestUrl(url, source), logger });

  const showWindow = (accountId?: string): void => {
    const target = window ?? createWindow();
    if (target.isMinimized()) target.restore();
    target.show();
    target.focus();
    if (accountId === undefined) return;
    // A window still loading would drop the message: send it once the page is there.
    if (target.webContents.isLoading()) target.webContents.once('did-finish-load', () => target.webContents.send(OPEN_ACCOUNT_CHANNEL, accountId));
    else target.webContents.send(OPEN_ACCOUNT_CHANNEL, accountId);
  };
  const notifier = electronNotifier({
    isSupported: () => Notification.isSupported(),
    create: (notificationOptions) => new Notification(notificationOptions),
    onClick: (accountId) => showWindow(accountId),
  });

  const clipboardGuard = createClipboardGuard({
    clipboard: electronClipboardPort({ clipboard, createItem: (entries) => new ClipboardItem(entries), platform: process.platform }),
    clock,
  });
  const cli = new CliServer({
    lifecycle: () => session.lifecycle(),
    vaultState: () => vault.state().state,
    appVersion: app.getVersion(),
    dataDirectory: app.getPath('userData'),
    gatewayUrl: (accountId) => gateway.control.cliUrl(accountId),
    logger,
  });
  const applyCliSetting = (enabled: boolean): void => {
    (enabled ? cli.start() : cli.stop()).catch((error: unknown) => {
      logger.warn('cli.toggle-failed', { enabled, message: error instanceof Error ? error.message : String(error) });
    });
  };
  const gatewayTexts = () => GATEWAY_TEXTS[resolveMainLanguage(settings.get().language, app.getLocale())];
  const gateway = await wireGateway({
    dataDirectory: app.getPath('userData'),
    settings,
    lifecycle: () => session.lifecycle(),
    onAccountsChanged: (listener) => session.onAccountsChanged(listener),
    clipboard: clipboardGuard,
    dialogs: electronConfirm(dialog, () => window, gatewayTexts),
    texts: gatewayTexts,
    logger,
  });
  const api = createAppApi({
    lifecycle: () => session.lifecycle(),
    vault: session,
    settings,
    clipboard: clipboardGuard,
    audit: combinedAudit(cli, gateway.audit),
    gateway: gateway.control,
    appInfo: () => ({ version: app.getVersion(), platform: process.platform, locale: app.getLocale(), demo: options.demo !== undefined }),
    clock,
    // The window confirms its own copies; a copy from the tray is confirmed by a notification.
    onCopied: (event) => {
      if (window === null || !window.isFocused()) notifier.notify(copyNotice({ ...event, now: clock.now() }, texts()));
    },
  });

  registerAppApi(await electronIpcMain(), { api, windowContentsId: () => window?.webContents.id ?? null, isTrustedUrl, logger });
  const rendererEvents = createRendererEvents(() => window?.webContents ?? null);
  session.onVaultStateChanged((state) => rendererEvents.vaultStateChanged(state));
  watchAttention({ source: session, notifier, clock, texts });
  resyncOnWake(powerMonitor, () => session.lifecycle()?.resync(), logger);

  settings.onChange((next, previous) => {
    if (next.launchAtLogin !== previous.launchAtLogin && app.isPackaged) app.setLoginItemSettings({ openAtLogin: next.launchAtLogin });
    if (next.cliEnabled !== previous.cliEnabled) applyCliSetting(next.cliEnabled);
  });
  applyCliSetting(settings.get().cliEnabled);

  const icon = (name: string): Electron.NativeImage => nativeImage.createFromPath(join(APP_DIR, 'resources', 'icons', name));
  const tray = new Tray(icon('tray-fine.png'));
  // Each clean-up step runs even when another fails: the clipboard and the vault matter most, so they go first.
  const cleanupStep = async (name: string, step: () => unknown): Promise<void> => {
    try {
      await step();
    } catch (error) {
      logger.error('quit.step-failed', { step: name, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const quit = holdQuitForCleanup(
    app,
    async () => {
      await cleanupStep('clipboard', () => clipboardGuard.clearIfOurs());
      await cleanupStep('session', () => session.shutdown());
      await cleanupStep('cli', () => cli.stop());
      await cleanupStep('gateway', () => gateway.stop());
      await cleanupStep('tray', () => {
        trayController.dispose();
        clipboardGuard.dispose();
        tray.destroy();
      });
    },
    logger,
  );
  const onTrayAction = trayActionHandler({ api, showWindow, quit: () => app.quit(), notifier, texts });
  const trayController = createTrayController({
    tray,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    icons: { fine: icon('tray-fine.png'), attention: icon('tray-attention.png') },
    clock,
    accounts: () => session.lifecycle()?.list() ?? [],
    vaultOpen: () => vault.state().state === 'open',
    texts,
    onAction: onTrayAction,
  });
  settings.onChange((next, previous) => {
    if (next.language !== previous.language) trayController.update();
  });
  // End-to-end tests cannot click a tray menu: an unpackaged build started with WTM_E2E=1 exposes the action handler.
  if (!app.isPackaged && process.env[E2E_ENV] === '1') Object.assign(globalThis, { [E2E_TRAY_ACTION]: onTrayAction });
  tray.on('click', () => showWindow());
  session.onAccountsChanged((change) => {
    rendererEvents.accountsChanged(change);
    trayController.update();
  });
  session.onVaultStateChanged(() => trayController.update());

  function createWindow(): BrowserWindow {
    const options = mainWindowOptions({
      preloadPath: join(__dirname, 'preload.cjs'),
      iconPath: join(APP_DIR, 'resources', 'icons', 'app.png'),
      show: false,
      devTools: !app.isPackaged,
    });
    // Electronegativity cannot see into mainWindowOptions (contextIsolation, sandbox, Auxclick off are set there and tested in tests/main/window-security.test.ts).
    const created = new BrowserWindow(options); // eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK
    guardWebContents(created.webContents, logger);
    keepRunningOnClose(created, {
      platform: process.platform,
      isQuitting: () => quit.isQuitting(),
      hintAlreadyShown: () => hint.shown(),
      showHint: () => {
        notifier.notify(trayHintNotice(texts()));
        hint.markShown();
      },
    });
    created.on('closed', () => {
      window = null;
    });
    // A crashed page would leave a blank window: load it again.
    created.webContents.on('render-process-gone', (_event, details) => {
      logger.error('window.renderer-gone', { reason: details.reason });
      if (details.reason !== 'clean-exit' && !created.isDestroyed()) created.reload();
    });
    created.loadURL(rendererEntryUrl(source)).catch((error: unknown) => {
      logger.error('window.load-failed', { message: error instanceof Error ? error.message : String(error) });
    });
    window = created;
    return created;
  }

  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  // The app lives in the tray: closing every window does not quit it.
  app.on('window-all-closed', () => undefined);

  const created = createWindow();
  if (showWindowAtStart(vault.state(), settings.get())) created.once('ready-to-show', () => created.show());

  if (options.demo !== undefined) await options.demo.seed(api);
  logger.info('startup.done', { vault: vault.state().state, demo: options.demo !== undefined });
}
