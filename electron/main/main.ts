import { BrowserWindow, ClipboardItem, Menu, Notification, Tray, app, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage, session } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { runApp } from './app-main';
import { mustRefuseDebugSwitch } from './debug-switch-guard';
import { PREFERENCES_STORE_NAME } from './settings-backend';

/** The app's entry point (bundled to dist-electron/main.cjs). A debugging switch ends a packaged app before anything runs. */
const refused = mustRefuseDebugSwitch({ isPackaged: app.isPackaged, appName: app.getName(), argv: process.argv, hasSwitch: (name) => app.commandLine.hasSwitch(name) });
if (refused === null) {
  runApp({
    electron: { BrowserWindow, ClipboardItem, Menu, Notification, Tray, app, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage, session },
    createPreferences: () => new ElectronStore({ name: PREFERENCES_STORE_NAME, configFileMode: 0o600 }),
    platform: process.platform,
    env: process.env,
    appDir: join(__dirname, '..'),
  });
} else {
  process.stderr.write(`Winbooks Token Manager does not start with ${refused}.\n`);
  app.exit(1);
}
