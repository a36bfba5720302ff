import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog } from 'electron';
import type { MainDialogs, PassphrasePrompt } from '../core/app/main-dialogs';
import type { Logger } from '../core/common/logger';
import { PASSPHRASE_ANSWER_CHANNEL, passphrasePromptHtml } from './passphrase-prompt-page';

export interface ElectronDialogsDeps {
  dialog: Pick<Dialog, 'showMessageBox' | 'showSaveDialog' | 'showOpenDialog'>;
  /** The app window, to make each dialog modal to it (null while there is none). */
  parent: () => BrowserWindow | null;
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** dist-electron/passphrase-preload.cjs */
  promptPreloadPath: string;
  /** The language of the prompt page (lang attribute). */
  language: () => string;
  logger: Logger;
}

/** The prompt window: sandboxed, isolated, no DevTools, no navigation; its page runs no script of its own. */
export function promptWindowOptions(preloadPath: string, parent: BrowserWindow | null, title: string): BrowserWindowConstructorOptions {
  return {
    width: 440,
    height: 260,
    useContentSize: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    show: false,
    title,
    ...(parent === null ? {} : { parent, modal: true }),
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
    },
  };
}

/**
 * Main's dialogs on Electron: the native message box (with its checkbox) for confirmations, the native save /
 * open dialogs for files, and a small main-owned modal window for passphrases. Each is modal to the app window,
 * whose renderer never sees what is typed or chosen.
 */
export function electronDialogs(deps: ElectronDialogsDeps): MainDialogs {
  const withParent = <T>(show: (parent: BrowserWindow) => Promise<T>, alone: () => Promise<T>): Promise<T> => {
    const parent = deps.parent();
    return parent === null || parent.isDestroyed() ? alone() : show(parent);
  };
  return {
    async confirm(request) {
      const options = {
        type: 'question' as const,
        title: request.title,
        message: request.message,
        detail: request.detail,
        buttons: [request.cancelLabel, request.confirmLabel],
        // Enter or Escape alone never says yes.
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        ...(request.checkboxLabel === undefined ? {} : { checkboxLabel: request.checkboxLabel, checkboxChecked: false }),
      };
      const result = await withParent((parent) => deps.dialog.showMessageBox(parent, options), () => deps.dialog.showMessageBox(options));
      return { confirmed: result.response === 1, checkboxChecked: result.response === 1 && result.checkboxChecked };
    },
    async chooseSaveFile(prompt) {
      const options = {
        title: prompt.title,
        buttonLabel: prompt.buttonLabel,
        filters: [prompt.filter],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
        ...(prompt.defaultName === undefined ? {} : { defaultPath: prompt.defaultName }),
      };
      const result = await withParent((parent) => deps.dialog.showSaveDialog(parent, options), () => deps.dialog.showSaveDialog(options));
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    },
    async chooseOpenFile(prompt) {
      const options = { title: prompt.title, buttonLabel: prompt.buttonLabel, filters: [prompt.filter], properties: ['openFile' as const] };
      const result = await withParent((parent) => deps.dialog.showOpenDialog(parent, options), () => deps.dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    askPassphrase: (prompt) => askInPromptWindow(deps, prompt),
  };
}

function askInPromptWindow(deps: ElectronDialogsDeps, prompt: PassphrasePrompt): Promise<string | null> {
  const parent = deps.parent();
  const window = deps.createWindow(promptWindowOptions(deps.promptPreloadPath, parent !== null && !parent.isDestroyed() ? parent : null, prompt.title)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string | null): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      if (!window.isDestroyed()) window.destroy();
    };
    // webContents.ipc: only this window's messages reach the listener; the app window cannot answer for it.
    contents.ipc.on(PASSPHRASE_ANSWER_CHANNEL, (_event, payload: unknown) => {
      const passphrase = typeof payload === 'object' && payload !== null && 'passphrase' in payload ? payload.passphrase : null;
      finish(typeof passphrase === 'string' && passphrase.length <= 1024 ? passphrase : null);
    });
    window.once('closed', () => finish(null));
    window.once('ready-to-show', () => window.show());
    const html = passphrasePromptHtml(prompt, deps.language());
    window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`).catch((error: unknown) => {
      deps.logger.error('dialog.prompt-load-failed', { message: error instanceof Error ? error.message : String(error) });
      finish(null);
    });
  });
}
