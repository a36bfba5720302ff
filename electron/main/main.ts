import { BrowserWindow, ClipboardItem, Menu, Notification, Tray, app, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage, session } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { runApp } from './app-main';
import { PREFERENCES_STORE_NAME } from './settings-backend';

/** The app's entry point (bundled to dist-electron/main.cjs). */
runApp({
  electron: { BrowserWindow, ClipboardItem, Menu, Notification, Tray, app, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage, session },
  createPreferences: () => new ElectronStore({ name: PREFERENCES_STORE_NAME, configFileMode: 0o600 }),
  platform: process.platform,
  env: process.env,
  appDir: join(__dirname, '..'),
});
