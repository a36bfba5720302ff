import type { ConfirmAnswer, ConfirmDialog, FilePrompt, MainDialogs, PassphrasePrompt } from '../../electron/core/app/main-dialogs';

/**
 * Main's dialogs for `npm run dev:web` (development only, never shipped): there is no native dialog in a
 * browser harness, so each question main asks is printed on the console and confirmations are answered yes;
 * prompts for a passphrase or a file are cancelled (export and import need the Electron app).
 */
export class DevConsoleDialogs implements MainDialogs {
  constructor(private readonly print: (line: string) => void = (line) => console.log(line)) {}

  confirm(dialog: ConfirmDialog): Promise<ConfirmAnswer> {
    this.print(`[main's dialog] ${dialog.title}: ${dialog.message}${dialog.detail === '' ? '' : ` (${dialog.detail.replace(/\n/gu, '; ')})`} -> answered "${dialog.confirmLabel}" (dev harness)`);
    return Promise.resolve({ confirmed: true, checkboxChecked: false });
  }

  askPassphrase(prompt: PassphrasePrompt): Promise<string | null> {
    this.print(`[main's dialog] ${prompt.title}: cancelled (the dev harness has no passphrase prompt; use the Electron app)`);
    return Promise.resolve(null);
  }

  chooseSaveFile(prompt: FilePrompt): Promise<string | null> {
    this.print(`[main's dialog] ${prompt.title}: cancelled (the dev harness has no file dialog; use the Electron app)`);
    return Promise.resolve(null);
  }

  chooseOpenFile(prompt: FilePrompt): Promise<string | null> {
    return this.chooseSaveFile(prompt);
  }
}
