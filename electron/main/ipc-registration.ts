import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Logger } from '../core/common/logger';
import { silentLogger } from '../core/common/logger';
import { invokeOperation } from '../core/app/invoke-operation';
import type { AccountsChange } from '../core/tokens/lifecycle-api';
import { ACCOUNTS_CHANGED_CHANNEL, SETTINGS_CHANGED_CHANNEL, VAULT_STATE_CHANGED_CHANNEL, contract } from '../shared/ipc-contract';
import type { Settings } from '../shared/settings';
import type { AccountsChangedEvent, AppApi, IpcResult, OperationName, VaultState } from '../shared/ipc-contract';

/**
 * The only place main touches raw IPC (lint enforces it). Every contract entry is registered here: the
 * sender is checked, the payload parsed with the contract's schema, errors mapped to an IpcResult.
 * Nothing thrown ever crosses to the renderer.
 */

export type IpcMainPort = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** What is known about who sent a request. */
export interface SenderFacts {
  webContentsId: number;
  /** True when the request comes from the top frame, not from an iframe. */
  isMainFrame: boolean;
  /** The sending frame's URL; null when the frame is gone (navigated or destroyed). */
  url: string | null;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

export function senderFactsOf(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  let isMainFrame = false;
  let url: string | null = null;
  try {
    if (frame !== null) {
      isMainFrame = frame.parent === null && frame === event.sender.mainFrame;
      url = frame.url;
    }
  } catch {
    // A frame that was destroyed meanwhile throws on access: treat it as unknown.
  }
  return { webContentsId: event.sender.id, isMainFrame, url };
}

export function checkSender(facts: SenderFacts, trust: { windowContentsId: number | null; isTrustedUrl: (url: string) => boolean }): SenderVerdict {
  if (trust.windowContentsId === null || facts.webContentsId !== trust.windowContentsId) {
    return { trusted: false, reason: 'the request did not come from the app window' };
  }
  if (!facts.isMainFrame) return { trusted: false, reason: 'the request came from an embedded frame, not the app page' };
  if (facts.url === null || !trust.isTrustedUrl(facts.url)) return { trusted: false, reason: 'the request came from a page that is not the app' };
  return { trusted: true };
}

export interface RegisterAppApiOptions {
  api: AppApi;
  /** The app window's contents id, or null while there is no window. */
  windowContentsId: () => number | null;
  isTrustedUrl: (url: string) => boolean;
  logger?: Logger;
}

/** Registers one handler per contract entry; returns a function that removes them all. */
export function registerAppApi(ipc: IpcMainPort, options: RegisterAppApiOptions): () => void {
  const logger = options.logger ?? silentLogger;
  const operations = Object.keys(contract) as OperationName[];
  for (const operation of operations) {
    ipc.handle(contract[operation].channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
      try {
        const verdict = checkSender(senderFactsOf(event), { windowContentsId: options.windowContentsId(), isTrustedUrl: options.isTrustedUrl });
        if (!verdict.trusted) {
          logger.warn('ipc.sender-refused', { operation, reason: verdict.reason });
          return { ok: false, error: { code: 'internal', message: `Refused: ${verdict.reason}. Only the Winbooks Token Manager window may ask for this.` } };
        }
        return await invokeOperation(options.api, operation, payload, logger);
      } catch (caught) {
        logger.error('ipc.handler-failed', { operation, message: caught instanceof Error ? caught.message : String(caught) });
        return { ok: false, error: { code: 'internal', message: 'Something went wrong inside the app. Try again; if it persists, restart the app.' } };
      }
    });
  }
  return () => {
    for (const operation of operations) ipc.removeHandler(contract[operation].channel);
  };
}

/** Pushes account, vault state and settings changes to the window (summaries only, never a secret). */
export function createRendererEvents(contents: () => WebContents | null): {
  accountsChanged(change: AccountsChange): void;
  vaultStateChanged(state: VaultState): void;
  settingsChanged(settings: Settings): void;
} {
  const send = (channel: string, payload: unknown): void => {
    const target = contents();
    if (target === null || target.isDestroyed()) return;
    try {
      target.send(channel, payload);
    } catch {
      // The page is reloading or its frame is gone: it asks for the full list again once it is back.
    }
  };
  return {
    accountsChanged: (change) => {
      const event: AccountsChangedEvent = { changed: change.changed, removed: change.removed };
      send(ACCOUNTS_CHANGED_CHANNEL, event);
    },
    vaultStateChanged: (state) => send(VAULT_STATE_CHANGED_CHANNEL, state),
    settingsChanged: (settings) => send(SETTINGS_CHANGED_CHANNEL, settings),
  };
}

/** Electron's ipcMain, loaded only when the app runs (tests pass a fake to registerAppApi instead). */
export async function electronIpcMain(): Promise<IpcMainPort> {
  const { ipcMain } = await import('electron');
  return ipcMain;
}
