import { join } from 'node:path';
import type { SessionVault } from '../core/app/app-session';
import { DATA_DIRECTORY_ENV } from '../core/command-line';
import type { KeychainAssessment } from '../core/vault/os-encryption';
import type { AppApi } from '../shared/ipc-contract';
import { startApp } from './app-start';
import { consoleLogger } from './console-logger';
import type { AppRuntime } from './electron-modules';
import { fileLogger, mainLogPath, teeLogger } from './file-logger';
import { APP_SCHEME } from './renderer-source';
import { reportStartupFailure } from './startup-failure';

/**
 * The composition root, before Electron's 'ready': identity, data folder, sandbox, schemes, the single-instance
 * lock and its second-instance handler; then app-start.ts builds every service once 'ready' has come.
 */

/** The Windows AppUserModelID: electron-builder's appId, which the NSIS shortcut carries (tests compare both). */
export const APP_USER_MODEL_ID = 'be.winbooks.token-manager';

export interface DemoOptions {
  /** Replaces the encrypted vault (the demo keeps its accounts in memory). */
  vault: SessionVault & { readonly keychain: KeychainAssessment };
  /** Runs once the app API is ready, e.g. to add the demo accounts. */
  seed: (api: AppApi) => Promise<void>;
  /** A fresh throw-away folder; WINBOOKS_TOKEN_MANAGER_DIR is ignored, so the demo never writes into real data. */
  dataDirectory: string;
  /** Shown as the app's name and version (run as `electron demo.cjs`, Electron would report its own). */
  name: string;
  version: string;
}

export interface RunAppOptions {
  demo?: DemoOptions;
}

export const E2E_ENV = 'WTM_E2E';
export const E2E_TRAY_ACTION = 'wtmTrayAction';

/** What a second launch asks for before the window exists: shown once the app can. */
export interface WindowRequests {
  request(): void;
  /** Called once the window can be shown: runs a request made meanwhile, and every later one at once. */
  ready(show: () => void): void;
}

function windowRequests(): WindowRequests {
  let show: (() => void) | null = null;
  let pending = false;
  return {
    request: () => {
      if (show === null) pending = true;
      else show();
    },
    ready: (handler) => {
      show = handler;
      if (pending) handler();
      pending = false;
    },
  };
}

export function runApp(runtime: AppRuntime, options: RunAppOptions = {}): void {
  const { app, dialog, protocol } = runtime.electron;
  // Windows shows a notification only for an app whose AppUserModelID a Start-menu shortcut carries; outside
  // Squirrel, Electron would use electron.app.<name>, which no shortcut carries (docs: tutorial/notifications).
  if (runtime.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const demo = options.demo;
  if (demo !== undefined) {
    app.setName(demo.name);
    app.setPath('userData', demo.dataDirectory);
  } else {
    // The winbooks-token CLI finds the app through this folder: both honour the same override.
    const dataDirectoryOverride = runtime.env[DATA_DIRECTORY_ENV];
    if (dataDirectoryOverride !== undefined && dataDirectoryOverride.trim() !== '') app.setPath('userData', dataDirectoryOverride);
  }
  // Logs go inside the data folder on Windows and Linux, ~/Library/Logs/<name> on macOS.
  app.setAppLogsPath();
  const logPath = mainLogPath(app.getPath('logs'));
  const logger = teeLogger(consoleLogger(), fileLogger(logPath));
  const fail = (error: unknown): void => reportStartupFailure({ app, dialog, logger, logPath }, error);

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Registered at once: a relaunch while the keychain is still answering must not be lost.
  const requests = windowRequests();
  app.on('second-instance', () => requests.request());
  app.whenReady()
    .then(() => startApp({ runtime, demo, logger, requests, fail, appVersion: demo?.version ?? app.getVersion() }))
    .catch(fail);
}

export function distDirectory(appDir: string): string {
  return join(appDir, 'dist');
}
