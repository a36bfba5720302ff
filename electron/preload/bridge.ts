import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { ACCOUNTS_CHANGED_CHANNEL, CHANNELS, MENU_COMMAND_CHANNEL, OPEN_ACCOUNT_CHANNEL, SETTINGS_CHANGED_CHANNEL, VAULT_STATE_CHANGED_CHANNEL } from '../shared/ipc-channels';
import type { Settings } from '../shared/settings';
import type { AccountsChangedEvent, IpcResult, OperationName, RequestOf, ResponseOf, VaultState } from '../shared/ipc-contract';

/**
 * What the page gets as `window.winbooks`: one method per contract entry (generated from the contract, so a
 * new entry appears here by itself) and the event subscriptions. Main validates every request; only
 * summaries come back, never a token. The raw ipcRenderer never reaches the page.
 */

export type IpcRendererPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

type BridgeOperations = { [K in OperationName]: (request: RequestOf<K>) => Promise<IpcResult<ResponseOf<K>>> };

function operations(ipc: IpcRendererPort): BridgeOperations {
  const entries = (Object.keys(CHANNELS) as OperationName[]).map((operation) => {
    const channel = CHANNELS[operation];
    const invoke = (request: unknown): Promise<unknown> => ipc.invoke(channel, request);
    return [operation, invoke] as const;
  });
  return Object.fromEntries(entries) as BridgeOperations;
}

function subscribe<T>(ipc: IpcRendererPort, channel: string, listener: (payload: T) => void): () => void {
  // The IPC event (with its sender) is not passed on: the page sees only the payload.
  const handler = (_event: IpcRendererEvent, payload: T): void => listener(payload);
  ipc.on(channel, handler);
  return () => {
    ipc.removeListener(channel, handler);
  };
}

export function createBridge(ipc: IpcRendererPort) {
  return {
    ...operations(ipc),
    onAccountsChanged: (listener: (event: AccountsChangedEvent) => void): (() => void) => subscribe(ipc, ACCOUNTS_CHANGED_CHANNEL, listener),
    onVaultStateChanged: (listener: (state: VaultState) => void): (() => void) => subscribe(ipc, VAULT_STATE_CHANGED_CHANNEL, listener),
    onSettingsChanged: (listener: (settings: Settings) => void): (() => void) => subscribe(ipc, SETTINGS_CHANGED_CHANNEL, listener),
    /** The tray or a notification asks to show one account. */
    onOpenAccount: (listener: (accountId: string) => void): (() => void) => subscribe(ipc, OPEN_ACCOUNT_CHANNEL, listener),
    /** An application menu item asks to run one of the window's shortcuts (its name; the page checks it). */
    onMenuCommand: (listener: (command: string) => void): (() => void) => subscribe(ipc, MENU_COMMAND_CHANNEL, listener),
  };
}
