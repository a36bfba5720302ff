import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRuntime, ElectronModules } from '../../electron/main/electron-modules';
import type { KeyValueStore } from '../../electron/main/settings-backend';
import { FakeEmitter, FakeIpcMain, FakeSession, FakeWebContents } from './fake-electron';

/**
 * Electron's main-process modules as the composition root uses them, honest about what Electron enforces:
 * schemes are registered only before 'ready', Tray, BrowserWindow and protocol handlers only after it;
 * setAppUserModelId exists on Windows only; 'session-end' events exist on Windows only; ClipboardItem
 * refuses what Electron 45's constructor refuses. Every call lands in `calls`, in order, with 'ready' marked.
 */

export interface FakeElectronOptions {
  platform?: NodeJS.Platform;
  isPackaged?: boolean;
  singleInstance?: boolean;
  /** Resolves isAsyncEncryptionAvailable; left pending by default (a keychain that has not answered yet). */
  keychain?: Promise<boolean>;
  openAtLogin?: boolean;
  env?: NodeJS.ProcessEnv;
  sniWatcher?: boolean | null;
  failPreferences?: Error;
}

export class FakeElectronApp extends FakeEmitter {
  readonly calls: string[] = [];
  readonly paths = new Map<string, string>();
  isReady = false;
  exitCode: number | null = null;
  quits = 0;
  name = 'Electron';
  private markReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    readonly platform: NodeJS.Platform,
    readonly isPackaged: boolean,
    private readonly singleInstance: boolean,
    private openAtLogin: boolean,
  ) {
    super();
    const home = mkdtempSync(join(tmpdir(), 'wtm-fake-electron-'));
    this.paths.set('userData', join(home, 'userData'));
    if (platform === 'win32') {
      Object.assign(this, {
        setAppUserModelId: (id: string) => this.calls.push(`app.setAppUserModelId:${id}`),
      });
    }
  }

  ready(): void {
    this.isReady = true;
    this.calls.push('ready');
    this.markReady();
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  setName(name: string): void {
    this.name = name;
  }

  setPath(name: string, path: string): void {
    this.calls.push(`app.setPath:${name}`);
    this.paths.set(name, path);
  }

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  setAppLogsPath(): void {
    this.paths.set('logs', join(this.getPath('userData'), 'logs'));
  }

  getLocale(): string {
    return 'en-US';
  }

  getVersion(): string {
    return '45.5.0';
  }

  enableSandbox(): void {
    if (this.isReady) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.calls.push('app.enableSandbox');
  }

  requestSingleInstanceLock(): boolean {
    this.calls.push('app.requestSingleInstanceLock');
    return this.singleInstance;
  }

  getLoginItemSettings(): { openAtLogin: boolean } {
    this.calls.push('app.getLoginItemSettings');
    return { openAtLogin: this.openAtLogin };
  }

  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.calls.push(`app.setLoginItemSettings:${settings.openAtLogin}`);
    // Electron's app documentation: macOS and Windows only.
    if (this.platform === 'darwin' || this.platform === 'win32') this.openAtLogin = settings.openAtLogin;
  }

  quit(): void {
    this.quits += 1;
    this.calls.push('app.quit');
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('before-quit', event);
  }

  exit(code: number): void {
    this.calls.push(`app.exit:${code}`);
    this.exitCode = code;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents('');
  visible = false;
  minimized = false;
  destroyed = false;
  shows = 0;
  loadedUrl = '';

  constructor(
    readonly options: unknown,
    private readonly platform: NodeJS.Platform,
  ) {
    super();
    Object.assign(this.webContents, {
      isLoading: () => false,
      reload: () => undefined,
      once: (event: string, listener: (...args: unknown[]) => unknown) => this.webContents.on(event, listener),
    });
  }

  override emit(event: string, ...args: unknown[]): unknown[] {
    if ((event === 'session-end' || event === 'query-session-end') && this.platform !== 'win32') {
      throw new Error(`BrowserWindow '${event}' is emitted on Windows only, not on ${this.platform}`);
    }
    return super.emit(event, ...args);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
    this.minimized = false;
    this.shows += 1;
  }

  hide(): void {
    this.visible = false;
  }

  minimize(): void {
    this.minimized = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  focus(): void {
    return undefined;
  }

  isFocused(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  reload(): void {
    return undefined;
  }

  /** What the user's click on the close button does; true when the window really closed. */
  userCloses(): boolean {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    return !event.defaultPrevented;
  }
}

function fakeClipboardItem(items: unknown): { types: string[] } {
  if (typeof items !== 'object' || items === null || Array.isArray(items)) throw new TypeError("Failed to construct 'ClipboardItem': 1 argument required");
  const entries = Object.entries(items);
  if (entries.length === 0) throw new TypeError("Failed to construct 'ClipboardItem': at least one MIME type is required.");
  for (const [, value] of entries) {
    if (typeof value !== 'string' && !(value instanceof Blob) && !(value instanceof Promise)) throw new TypeError('ClipboardItem payload values must be a string or a Blob');
  }
  return { types: entries.map(([type]) => type) };
}

export interface FakeElectron {
  runtime: AppRuntime;
  app: FakeElectronApp;
  windows: FakeBrowserWindow[];
  trays: FakeEmitter[];
  notifications: FakeEmitter[];
  errorBoxes: { title: string; content: string }[];
  ipcMain: FakeIpcMain;
  /** What electron-store would hold (preferences, settings). */
  preferences: Map<string, unknown>;
}

export function fakeElectron(options: FakeElectronOptions = {}): FakeElectron {
  const platform = options.platform ?? 'linux';
  const app = new FakeElectronApp(platform, options.isPackaged ?? false, options.singleInstance ?? true, options.openAtLogin ?? false);
  const windows: FakeBrowserWindow[] = [];
  const trays: FakeEmitter[] = [];
  const notifications: FakeEmitter[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const requireReady = (what: string): void => {
    if (!app.isReady) throw new Error(`${what} cannot be used before the app is ready`);
  };
  class Window extends FakeBrowserWindow {
    constructor(windowOptions: unknown) {
      requireReady('BrowserWindow');
      super(windowOptions, platform);
      app.calls.push('new BrowserWindow');
      windows.push(this);
    }
  }
  class Tray extends FakeEmitter {
    constructor() {
      requireReady('Tray');
      super();
      app.calls.push('new Tray');
      trays.push(this);
    }
    setContextMenu(): void {}
    setToolTip(): void {}
    setImage(): void {}
    destroy(): void {}
  }
  class Notification extends FakeEmitter {
    static isSupported(): boolean {
      return true;
    }
    constructor(readonly notificationOptions: unknown) {
      super();
      app.calls.push('new Notification');
      notifications.push(this);
    }
    show(): void {}
  }
  const store = new Map<string, unknown>();
  const preferences: KeyValueStore = { get: (key) => store.get(key), set: (key, value) => void store.set(key, value) };
  const ipcMain = new FakeIpcMain();
  const electron = {
    app,
    BrowserWindow: Window,
    Tray,
    Notification,
    ClipboardItem: function ClipboardItem(items: unknown) {
      return fakeClipboardItem(items);
    },
    Menu: { buildFromTemplate: () => new FakeEmitter(), setApplicationMenu: () => undefined },
    clipboard: { write: () => Promise.resolve(), writeText: () => Promise.resolve(), readText: () => Promise.resolve(''), clear: () => undefined },
    dialog: {
      showErrorBox: (title: string, content: string) => {
        app.calls.push('dialog.showErrorBox');
        errorBoxes.push({ title, content });
      },
    },
    nativeImage: { createFromPath: () => ({}) },
    powerMonitor: new FakeEmitter(),
    protocol: {
      registerSchemesAsPrivileged: () => {
        if (app.isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        app.calls.push('protocol.registerSchemesAsPrivileged');
      },
      handle: () => {
        requireReady('protocol.handle');
        app.calls.push('protocol.handle');
      },
    },
    safeStorage: {
      isAsyncEncryptionAvailable: () => options.keychain ?? new Promise<boolean>(() => undefined),
      encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(text)),
      decryptStringAsync: (data: Buffer) => Promise.resolve({ result: data.toString(), shouldReEncrypt: false }),
      ...(platform === 'linux' ? { getSelectedStorageBackend: () => 'gnome_libsecret' } : {}),
    },
    session: { defaultSession: new FakeSession() },
  } as unknown as ElectronModules;
  const runtime: AppRuntime = {
    electron,
    createPreferences: () => {
      if (options.failPreferences !== undefined) throw options.failPreferences;
      return preferences;
    },
    platform,
    env: options.env ?? {},
    appDir: mkdtempSync(join(tmpdir(), 'wtm-app-dir-')),
    ipcMain,
    sniWatcherProbe: () => Promise.resolve(options.sniWatcher ?? true),
  };
  return { runtime, app, windows, trays, notifications, errorBoxes, ipcMain, preferences: store };
}

/** Lets every pending promise and timer-free continuation run. */
export async function settle(rounds = 20): Promise<void> {
  for (let round = 0; round < rounds; round += 1) await new Promise((resolve) => setImmediate(resolve));
}
