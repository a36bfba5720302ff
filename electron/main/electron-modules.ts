import type { BrowserWindow, ClipboardItem, Menu, Notification, Tray, app, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage, session } from 'electron';
import type { IpcMainPort } from './ipc-registration';
import type { KeyValueStore } from './settings-backend';
import type { SniWatcherProbe } from './tray-host';

/** The Electron modules the composition root uses, passed in so tests can run it on fakes without Electron. */
export interface ElectronModules {
  BrowserWindow: typeof BrowserWindow;
  ClipboardItem: typeof ClipboardItem;
  Menu: typeof Menu;
  Notification: typeof Notification;
  Tray: typeof Tray;
  app: typeof app;
  clipboard: typeof clipboard;
  dialog: typeof dialog;
  nativeImage: typeof nativeImage;
  powerMonitor: typeof powerMonitor;
  protocol: typeof protocol;
  safeStorage: typeof safeStorage;
  session: typeof session;
}

export interface AppRuntime {
  electron: ElectronModules;
  /** electron-store for preferences (it needs Electron's app itself, so it is made by the entry point). */
  createPreferences: () => KeyValueStore;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The folder holding dist/, dist-electron/ and resources/. */
  appDir: string;
  /** Raw IPC stays in ipc-registration.ts (lint): left out, it loads Electron's ipcMain there. */
  ipcMain?: IpcMainPort;
  /** Whether a StatusNotifierItem host runs (Linux); default asks D-Bus. */
  sniWatcherProbe?: SniWatcherProbe;
}
