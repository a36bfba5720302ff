import type { BrowserWindow as ElectronWindow, NativeImage } from 'electron';
import { join } from 'node:path';
import { createAppServices } from '../core/app/app-services';
import { dialogTextsFor } from '../core/app/dialog-texts';
import { AppSession } from '../core/app/app-session';
import { watchAttention } from '../core/app/attention-notifier';
import { createClipboardGuard } from '../core/app/clipboard-guard';
import { mainTextsFor, resolveMainLanguage } from '../core/app/main-texts';
import type { MainTexts } from '../core/app/main-texts';
import { copyNotice } from '../core/app/notices';
import { PersistedSettingsStore } from '../core/app/settings-store';
import { CliServer } from '../core/command-line';
import { systemClock } from '../core/common/clock';
import type { Logger } from '../core/common/logger';
import { TokenLifecycle } from '../core/tokens/token-lifecycle';
import { openVault } from '../core/vault';
import { createWinbooksTokenClient } from '../core/winbooks/winbooks-client';
import { MENU_COMMAND_CHANNEL, OPEN_ACCOUNT_CHANNEL } from '../shared/ipc-contract';
import { E2E_ENV, E2E_TRAY_ACTION } from './app-main';
import type { DemoOptions, WindowRequests } from './app-main';
import { installAppMenu } from './app-menu';
import { createAppProtocolHandler } from './app-protocol';
import { keepRunningOnClose, trayHintNotice } from './close-to-tray';
import { contentSecurityPolicy } from './content-security-policy';
import { electronClipboardPort } from './electron-clipboard';
import { electronDialogs } from './electron-dialogs';
import { combinedAudit, electronConfirm, wireGateway } from './gateway-wiring';
import { GATEWAY_TEXTS } from '../core/gateway/gateway-texts';
import { startAutoLock } from './lock-wiring';
import type { AppRuntime } from './electron-modules';
import { electronNotifier } from './electron-notifier';
import { createRendererEvents, electronIpcMain, registerAppApi } from './ipc-registration';
import { syncLaunchAtLogin } from './login-item';
import { safeStorageEncryption } from './os-encryption';
import { PendingVault } from './pending-vault';
import { resyncOnWake } from './power-events';
import { cleanUpOnWindowsSessionEnd, holdQuitForCleanup } from './quit-sequence';
import { rendererCrashGuard } from './renderer-crash-guard';
import { APP_SCHEME, DEV_SERVER_ENV, chooseRendererSource, isAllowedRequestUrl, isTrustedRendererUrl, rendererEntryUrl } from './renderer-source';
import { preferencesBackend, trayHintFlag } from './settings-backend';
import { openCore, showWindowAtStart } from './start-up';
import { nativeDialogTexts, safeLocale } from './startup-failure';
import { trayActionHandler } from './tray-actions';
import { createTrayController } from './tray-controller';
import { detectTrayHost, trayClickShowsWindow } from './tray-host';
import { guardSession, guardWebContents, mainWindowOptions } from './window-security';

/**
 * The composition root after 'ready'. The tray and the window come first; the keychain and the vault open
 * behind them (a keychain can take seconds or wait for a keyring to be unlocked), and the session starts
 * the lifecycle when they are there.
 */

export interface StartContext {
  runtime: AppRuntime;
  demo: DemoOptions | undefined;
  logger: Logger;
  requests: WindowRequests;
  fail: (error: unknown) => void;
  appVersion: string;
}

export async function startApp(context: StartContext): Promise<void> {
  const { runtime, demo, logger } = context;
  const { app, BrowserWindow, ClipboardItem, Menu, Notification, Tray, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage } = runtime.electron;
  const { platform, env, appDir } = runtime;
  const clock = systemClock;
  const preferences = runtime.createPreferences();
  const vault = new PendingVault();
  // The settings that widen access are trusted only once the open vault's key verifies them (settings-store.ts).
  const settings = new PersistedSettingsStore(preferencesBackend(preferences), { authenticator: (purpose) => vault.authenticator(purpose), logger });
  const hint = trayHintFlag(preferences);
  // Tray and notifications speak the language chosen in settings ("system": the OS locale's).
  const texts = (): MainTexts => mainTextsFor(settings.get().language, app.getLocale());
  syncLaunchAtLogin(app, platform, settings, logger);

  const session = new AppSession({
    vault,
    createLifecycle: (storage) => new TokenLifecycle({ client: createWinbooksTokenClient(), storage, clock, logger }),
    settings,
    logger,
  });
  const trayHost = await detectTrayHost(platform, env, runtime.sniWatcherProbe);
  const hasTray = trayHost === 'available';
  if (!hasTray) logger.warn('tray.no-host', { desktop: env.XDG_CURRENT_DESKTOP ?? null });

  let window: ElectronWindow | null = null;
  const distDir = join(appDir, 'dist');
  const source = chooseRendererSource({ isPackaged: app.isPackaged, devServerUrl: env[DEV_SERVER_ENV], distDir });
  const csp = contentSecurityPolicy(source);
  const isTrustedUrl = (url: string): boolean => isTrustedRendererUrl(url, source);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ distDir, csp }));
  guardSession(runtime.electron.session.defaultSession, { csp, isAllowedRequest: (url) => isAllowedRequestUrl(url, source), logger });

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
    clipboard: electronClipboardPort({
      clipboard,
      createItem: (entries) => new ClipboardItem(entries),
      platform,
      onPlainTextFallback: (reason) => logger.warn('clipboard.concealed-formats-refused', { platform, reason }),
    }),
    clock,
  });
  const cli = new CliServer({
    lifecycle: () => session.lifecycle(),
    vaultState: () => vault.state().state,
    mayServe: (accountId) => settings.get().cliAccounts.includes(accountId),
    gatewayUrl: (accountId) => gateway.control.cliUrl(accountId),
    appVersion: context.appVersion,
    dataDirectory: app.getPath('userData'),
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
    authenticator: (purpose) => vault.authenticator(purpose),
  });
  // Gateway keys first, then the settings (which may start the gateway and the command line once verified).
  session.bindFile(gateway.vaultBound);
  session.bindFile(settings.asVaultBoundFile());
  const dialogs = electronDialogs({
    dialog,
    parent: () => window,
    // The prompt window gets the same hardening as the app window (electron-dialogs.ts promptWindowOptions).
    createWindow: (windowOptions) => new BrowserWindow(windowOptions), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    promptPreloadPath: join(appDir, 'dist-electron', 'passphrase-preload.cjs'),
    language: () => app.getLocale(),
    logger,
  });
  const { api } = createAppServices({
    session,
    dialogs,
    dialogTexts: () => dialogTextsFor(settings.get().language, app.getLocale()),
    logger,
    settings,
    clipboard: clipboardGuard,
    audit: combinedAudit(cli, gateway.audit),
    gateway: gateway.control,
    appInfo: () => ({ version: context.appVersion, platform, locale: app.getLocale(), demo: demo !== undefined }),
    clock,
    // The window confirms its own copies; a copy from the tray is confirmed by a notification.
    onCopied: (event) => {
      if (window === null || !window.isFocused()) notifier.notify(copyNotice({ ...event, now: clock.now() }, texts()));
    },
  });

  registerAppApi(runtime.ipcMain ?? (await electronIpcMain()), { api, windowContentsId: () => window?.webContents.id ?? null, isTrustedUrl, logger });
  const rendererEvents = createRendererEvents(() => window?.webContents ?? null);
  session.onVaultStateChanged((state) => rendererEvents.vaultStateChanged(state));
  watchAttention({ source: session, notifier, clock, texts });
  resyncOnWake(powerMonitor, () => session.lifecycle()?.resync(), logger);
  const autoLock = startAutoLock(powerMonitor, { clock, idleMinutes: () => settings.get().autoLockMinutes, canLock: () => session.canLock(), lock: () => session.lock(), logger });
  settings.onChange((next, previous) => {
    // The window shows what main uses: also the widening fields, once checked after the vault opens.
    rendererEvents.settingsChanged(next);
    if (next.cliEnabled !== previous.cliEnabled) applyCliSetting(next.cliEnabled);
  });
  applyCliSetting(settings.get().cliEnabled);

  const icon = (name: string): NativeImage => nativeImage.createFromPath(join(appDir, 'resources', 'icons', name));
  const tray = new Tray(icon('tray-fine.png'));
  // Each clean-up step runs even when another fails or hangs: the clipboard first, then the CLI (its socket and
  // session file) beside the session's drain, which waits for a refresh under way.
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
      autoLock.stop();
      await Promise.all([cleanupStep('cli', () => cli.stop()), cleanupStep('gateway', () => gateway.stop()), cleanupStep('session', () => session.shutdown())]);
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
    canLock: () => session.canLock(),
    texts,
    onAction: onTrayAction,
  });
  // The menu's shortcuts run in the window, by the same handlers as its keys (core/app/app-menu-model.ts).
  const appMenu = installAppMenu({
    menu: Menu,
    input: () => ({ platform, texts: texts(), vaultOpen: vault.state().state === 'open', canLock: session.canLock() }),
    onCommand: (command) => {
      if (window === null) showWindow();
      else window.webContents.send(MENU_COMMAND_CHANNEL, command);
    },
  });
  settings.onChange((next, previous) => {
    if (next.language === previous.language) return;
    trayController.update();
    appMenu.update();
  });
  // End-to-end tests cannot click a tray menu: an unpackaged build started with WTM_E2E=1 exposes the action handler.
  if (!app.isPackaged && env[E2E_ENV] === '1') Object.assign(globalThis, { [E2E_TRAY_ACTION]: onTrayAction });
  if (trayClickShowsWindow(platform)) tray.on('click', () => showWindow());
  session.onAccountsChanged((change) => {
    rendererEvents.accountsChanged(change);
    trayController.update();
  });
  session.onVaultStateChanged(() => {
    trayController.update();
    appMenu.update();
  });

  const crashGuard = rendererCrashGuard(() => clock.now());
  function createWindow(): ElectronWindow {
    const options = mainWindowOptions({
      preloadPath: join(appDir, 'dist-electron', 'preload.cjs'),
      iconPath: join(appDir, 'resources', 'icons', 'app.png'),
      show: false,
      devTools: !app.isPackaged,
    });
    // Electronegativity cannot see into mainWindowOptions (contextIsolation, sandbox, Auxclick off are set there and tested in tests/main/window-security.test.ts).
    const created = new BrowserWindow(options); // eng-disable AUXCLICK_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK
    guardWebContents(created.webContents, logger, { allowReloadOf: source.kind === 'dev-server' ? isTrustedUrl : undefined });
    keepRunningOnClose(created, {
      platform,
      hasTray: () => hasTray,
      isQuitting: () => quit.isQuitting(),
      hintAlreadyShown: () => hint.shown(),
      showHint: () => {
        notifier.notify(trayHintNotice(texts()));
        hint.markShown();
      },
    });
    cleanUpOnWindowsSessionEnd(created, platform, quit, logger);
    created.on('closed', () => {
      window = null;
    });
    // A crashed page would leave a blank window: load it again, but not forever.
    created.webContents.on('render-process-gone', (_event, details) => {
      logger.error('window.renderer-gone', { reason: details.reason });
      if (details.reason === 'clean-exit' || created.isDestroyed()) return;
      if (crashGuard.shouldReload()) {
        created.reload();
        return;
      }
      logger.error('window.renderer-crash-loop', { reason: details.reason });
      const words = nativeDialogTexts(safeLocale(app));
      dialog.showErrorBox(words.crashLoopTitle, `${words.crashLoopBody}\n(${details.reason})`);
    });
    created.loadURL(rendererEntryUrl(source)).catch((error: unknown) => {
      logger.error('window.load-failed', { message: error instanceof Error ? error.message : String(error) });
    });
    window = created;
    return created;
  }

  app.on('activate', () => showWindow());
  // The app lives in the tray: closing every window does not quit it.
  app.on('window-all-closed', () => undefined);

  const created = createWindow();
  // Without a tray to come back from, "start in the tray" would hide the app: the window shows.
  const startHidden = settings.get().startInTray && hasTray;
  if (!startHidden) created.once('ready-to-show', () => created.show());
  context.requests.ready(() => showWindow());

  void openCore({
    osEncryption: async () => (demo === undefined ? safeStorageEncryption(safeStorage, platform) : undefined),
    openVault: async (osEncryption) => demo?.vault ?? openVault({ store: { directory: app.getPath('userData') }, osEncryption, logger }),
    logger,
  })
    .then(async (opened) => {
      vault.attach(opened);
      await session.start();
      if (startHidden && showWindowAtStart(vault.state(), settings.get())) showWindow();
      if (demo !== undefined) await demo.seed(api);
      logger.info('startup.done', { vault: vault.state().state, demo: demo !== undefined, tray: trayHost });
    })
    .catch(context.fail);
}
