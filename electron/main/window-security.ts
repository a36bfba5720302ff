import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import type { Logger } from '../core/common/logger';

/**
 * The window's security settings and the guards on its contents and session. Takes Electron objects as
 * parameters (types only here), so tests pass fakes.
 */

export function mainWindowOptions(input: { preloadPath: string; iconPath?: string; show: boolean; devTools?: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    show: input.show,
    title: 'Winbooks Token Manager',
    ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in a new window (denied anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // Off in packaged builds: DevTools would let anyone at the keyboard script the bridge.
      devTools: input.devTools ?? false,
    },
  };
}

/**
 * Keeps the window on the app's own page: no navigation, no new windows, no embedded webviews. In development,
 * `allowReloadOf` lets the page reload itself from the Vite dev server (its full reload is a navigation).
 */
export function guardWebContents(contents: WebContents, logger: Logger, options: { allowReloadOf?: ((url: string) => boolean) | undefined } = {}): void {
  contents.on('will-navigate', (event) => {
    if (options.allowReloadOf?.(event.url) === true) return;
    event.preventDefault();
    logger.warn('window.navigation-denied', { url: event.url.slice(0, 200) });
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    logger.warn('window.redirect-denied', { url: event.url.slice(0, 200) });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('window.webview-denied');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('window.open-denied', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
}

/**
 * Denies every permission (camera, notifications from the page, clipboard from the page...), adds the CSP to
 * every response, and cancels any request that leaves the app (the renderer talks only to main).
 */
export function guardSession(session: Session, input: { csp: string; isAllowedRequest: (url: string) => boolean; logger: Logger }): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    input.logger.warn('window.permission-denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = input.isAllowedRequest(details.url);
    if (!allowed) input.logger.warn('window.request-blocked', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    // The policy is built in content-security-policy.ts; Electronegativity cannot parse a value held in a variable.
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [input.csp] } }); // eng-disable CSP_GLOBAL_CHECK
  });
}
