import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IpcRendererEvent } from 'electron';
import type { IpcRendererPort } from '../../electron/preload/bridge';
import { createBridge } from '../../electron/preload/bridge';
import type { WinbooksBridge } from '../../electron/preload/bridge-type';
import { ACCOUNTS_CHANGED_CHANNEL, MENU_COMMAND_CHANNEL, SETTINGS_CHANGED_CHANNEL, contract } from '../../electron/shared/ipc-contract';
import { DEFAULT_SETTINGS } from '../../electron/shared/settings';
import type { WinbooksBridge as RendererBridge } from '../../renderer/api/winbooks-bridge';

// The renderer's view of window.winbooks must be satisfied by what the preload really exposes.
const preloadSatisfiesRenderer = (bridge: WinbooksBridge): RendererBridge => bridge;

class FakeIpcRenderer {
  readonly invoked: { channel: string; request: unknown }[] = [];
  readonly listeners = new Map<string, ((event: IpcRendererEvent, payload: unknown) => void)[]>();

  invoke(channel: string, request: unknown): Promise<unknown> {
    this.invoked.push({ channel, request });
    return Promise.resolve({ ok: true, value: channel });
  }

  on(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }

  removeListener(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): this {
    this.listeners.set(channel, (this.listeners.get(channel) ?? []).filter((existing) => existing !== listener));
    return this;
  }

  emit(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'main internals' } as unknown as IpcRendererEvent, payload);
  }
}

describe('preload bridge', () => {
  test('has one method per contract entry, each invoking its channel with the request', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = preloadSatisfiesRenderer(createBridge(ipc as unknown as IpcRendererPort));
    for (const operation of Object.keys(contract) as (keyof typeof contract)[]) {
      assert.equal(typeof bridge[operation], 'function', operation);
    }
    assert.deepEqual(await bridge.copyToken({ id: 'acct_12345678', format: 'header' }), { ok: true, value: contract.copyToken.channel });
    assert.deepEqual(ipc.invoked, [{ channel: contract.copyToken.channel, request: { id: 'acct_12345678', format: 'header' } }]);
  });

  test('events deliver only the payload, and unsubscribe stops them', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc as unknown as IpcRendererPort);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onAccountsChanged((...args: unknown[]) => received.push(args));
    ipc.emit(ACCOUNTS_CHANGED_CHANNEL, { changed: [], removed: ['x'] });
    unsubscribe();
    ipc.emit(ACCOUNTS_CHANGED_CHANNEL, { changed: [], removed: ['y'] });
    assert.deepEqual(received, [[{ changed: [], removed: ['x'] }]]);
  });

  test('application menu commands reach the page as the command\'s name only', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc as unknown as IpcRendererPort);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    ipc.emit(MENU_COMMAND_CHANNEL, 'refresh');
    unsubscribe();
    ipc.emit(MENU_COMMAND_CHANNEL, 'lock');
    assert.deepEqual(received, [['refresh']]);
  });

  test('settings pushed by main reach the page as the settings only, until unsubscribed', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc as unknown as IpcRendererPort);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onSettingsChanged((...args: unknown[]) => received.push(args));
    ipc.emit(SETTINGS_CHANGED_CHANNEL, { ...DEFAULT_SETTINGS, language: 'nl' });
    unsubscribe();
    ipc.emit(SETTINGS_CHANGED_CHANNEL, { ...DEFAULT_SETTINGS, language: 'fr' });
    assert.deepEqual(received, [[{ ...DEFAULT_SETTINGS, language: 'nl' }]]);
  });
});
