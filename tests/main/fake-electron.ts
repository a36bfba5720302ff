import type { IpcMainInvokeEvent, Notification, Session, WebContents } from 'electron';

/**
 * Small stand-ins for the Electron objects the glue receives as parameters. Each records what was done to
 * it and lets the test fire the events Electron would. Cast to the Electron type where the glue needs one.
 */

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event whose default can be prevented. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(public url: string) {}
}

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  constructor(url: string) {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  asElectron(): WebContents {
    return this as unknown as WebContents;
  }
}

/** An invoke event as ipcMain passes it to a handler. */
export function invokeEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame, frameId: 1, processId: 1, type: 'frame' } as unknown as IpcMainInvokeEvent;
}

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke(channel, payload) from this sender would resolve to. */
  async invoke(channel: string, event: IpcMainInvokeEvent, payload?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, payload);
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  beforeRequestListener: BeforeRequestListener | null = null;

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequestListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }

  asElectron(): Session {
    return this as unknown as Session;
  }
}

/**
 * A full garbage collection, for fakes that model what Electron lets V8 collect. `--expose-gc` is set at run
 * time and `gc` taken from a fresh context (the flag only applies to contexts created after it is set).
 */
export async function collectGarbage(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // A WeakRef target stays alive until the end of the job that created or read it: let that job end first.
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}

/**
 * The OS notification centre as Electron drives it: the centre keeps the notification on screen, but Electron
 * holds the JS Notification (and so its handlers) only weakly (electron/electron#16922). A click on a
 * notification whose object was collected reaches nobody. 'failed' exists on Windows only.
 */
export class FakeNotificationCenter {
  private readonly onScreen: WeakRef<FakeNotification>[] = [];
  readonly shownBodies: string[] = [];
  created = 0;

  constructor(readonly platform: NodeJS.Platform = 'win32') {}

  readonly create = (options: { title?: string; body?: string }): Notification => {
    this.created += 1;
    return new FakeNotification(options, this) as unknown as Notification;
  };

  show(notification: FakeNotification): void {
    this.onScreen.push(new WeakRef(notification));
    this.shownBodies.push(notification.options.body ?? '');
  }

  /** The user clicks the index-th notification shown; true when a JS object was still there to hear it. */
  click(index: number): boolean {
    return this.dispatch(index, 'click');
  }

  close(index: number): boolean {
    return this.dispatch(index, 'close');
  }

  fail(index: number): boolean {
    if (this.platform !== 'win32') throw new Error(`Electron emits Notification 'failed' on Windows only, not on ${this.platform}`);
    return this.dispatch(index, 'failed', 'toast failed');
  }

  private dispatch(index: number, event: string, ...args: unknown[]): boolean {
    const notification = this.onScreen[index]?.deref();
    if (notification === undefined) return false;
    notification.emit(event, ...args);
    return true;
  }
}

export class FakeNotification extends FakeEmitter {
  constructor(
    readonly options: { title?: string; body?: string },
    private readonly center: FakeNotificationCenter,
  ) {
    super();
  }

  show(): void {
    this.center.show(this);
  }
}
