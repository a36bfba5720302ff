/**
 * Runs in the harness page only (served by tests/harness, never bundled into the app): provides
 * `window.winbooks` with the same shape as the Electron preload bridge, backed by the harness WebSocket.
 * Responses and events are validated with the contract schemas, as the preload's callers would expect them.
 */
import { ACCOUNTS_CHANGED_CHANNEL, accountsChangedSchema, contract, vaultStateSchema } from '../../../electron/shared/ipc-contract';
import { settingsSchema } from '../../../electron/shared/settings';
import type { Settings } from '../../../electron/shared/settings';
import type { AccountsChangedEvent, IpcResult, OperationName, VaultState } from '../../../electron/shared/ipc-contract';
import type { WinbooksBridge } from '../../../electron/preload/bridge-type';
import { HARNESS_WS_PATH, serverFrameSchema } from '../harness-protocol';
import type { CallFrame } from '../harness-protocol';

type Pending = { operation: OperationName; resolve: (result: IpcResult<unknown>) => void };

const pending = new Map<number, Pending>();
const accountListeners = new Set<(event: AccountsChangedEvent) => void>();
const vaultListeners = new Set<(state: VaultState) => void>();
const settingsListeners = new Set<(settings: Settings) => void>();
const queued: string[] = [];
let nextId = 1;

const socketUrl = new URL(HARNESS_WS_PATH, window.location.href);
socketUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
const socket = new WebSocket(socketUrl);

socket.addEventListener('open', () => {
  for (const frame of queued.splice(0)) socket.send(frame);
});

socket.addEventListener('close', () => {
  for (const [id, call] of pending) {
    pending.delete(id);
    call.resolve({ ok: false, error: { code: 'internal', message: 'The test harness closed the connection; reload the page.' } });
  }
});

socket.addEventListener('message', (message) => {
  const frame = serverFrameSchema.safeParse(typeof message.data === 'string' ? safeJson(message.data) : null);
  if (!frame.success) {
    console.error(`harness bridge: ignored a malformed frame (${frame.error.issues[0]?.message ?? 'unknown'})`);
    return;
  }
  if (frame.data.type === 'event') {
    if (frame.data.event === 'accounts-changed') {
      const event = accountsChangedSchema.safeParse(frame.data.payload);
      if (event.success) for (const listener of accountListeners) listener(event.data);
      else console.error(`harness bridge: ${ACCOUNTS_CHANGED_CHANNEL} payload does not match the contract`);
    } else if (frame.data.event === 'settings') {
      const settings = settingsSchema.safeParse(frame.data.payload);
      if (settings.success) for (const listener of settingsListeners) listener(settings.data);
    } else {
      const state = vaultStateSchema.safeParse(frame.data.payload);
      if (state.success) for (const listener of vaultListeners) listener(state.data);
    }
    return;
  }
  const call = pending.get(frame.data.id);
  if (call === undefined) return;
  pending.delete(frame.data.id);
  const result = frame.data.result;
  if (!result.ok) {
    call.resolve(result);
    return;
  }
  const value = contract[call.operation].response.safeParse(result.value);
  call.resolve(
    value.success
      ? { ok: true, value: value.data }
      : { ok: false, error: { code: 'internal', message: `The answer to ${call.operation} does not match the contract (${value.error.issues[0]?.message ?? 'unknown'}).` } },
  );
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function call(operation: OperationName, payload: unknown): Promise<IpcResult<unknown>> {
  // The request is checked here as well, so a bad call fails the same way it would in main.
  const request = contract[operation].request.safeParse(payload);
  if (!request.success) {
    const issue = request.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'request';
    return Promise.resolve({ ok: false, error: { code: 'invalid-input', message: issue?.message ?? 'Not valid.', field } });
  }
  const id = nextId++;
  const frame: CallFrame = { type: 'call', id, operation, payload };
  return new Promise((resolve) => {
    pending.set(id, { operation, resolve });
    const text = JSON.stringify(frame);
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else queued.push(text);
  });
}

const operations = Object.fromEntries((Object.keys(contract) as OperationName[]).map((operation) => [operation, (payload: unknown) => call(operation, payload)]));

const bridge = {
  ...operations,
  onAccountsChanged(listener: (event: AccountsChangedEvent) => void): () => void {
    accountListeners.add(listener);
    return () => {
      accountListeners.delete(listener);
    };
  },
  onVaultStateChanged(listener: (state: VaultState) => void): () => void {
    vaultListeners.add(listener);
    return () => {
      vaultListeners.delete(listener);
    };
  },
  onSettingsChanged(listener: (settings: Settings) => void): () => void {
    settingsListeners.add(listener);
    return () => {
      settingsListeners.delete(listener);
    };
  },
  // Object.fromEntries loses the per-operation types; the contract-driven construction above guarantees them.
} as WinbooksBridge;

Object.defineProperty(window, 'winbooks', { value: Object.freeze(bridge), writable: false, configurable: false });
