/**
 * The dialogs main owns: the renderer can ask for an export, an import or a wider setting, but only what the
 * user answers here decides. Electron implements this port with native dialogs and a main-owned passphrase
 * window (electron/main/electron-dialogs.ts); tests and the browser harness use a scripted one.
 */

export interface ConfirmDialog {
  title: string;
  message: string;
  /** The facts the user decides on (e.g. every host or e-mail an import would change), one per line. */
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
  /** A part of the action that needs its own explicit yes (unticked by default). */
  checkboxLabel?: string;
}

export interface ConfirmAnswer {
  confirmed: boolean;
  /** Whether the checkbox was ticked; false when there was none. */
  checkboxChecked: boolean;
}

export interface PassphrasePrompt {
  /** vault: the vault's own passphrase again; new-backup: choose one (typed twice); open-backup: the backup's. */
  purpose: 'vault' | 'new-backup' | 'open-backup';
  title: string;
  message: string;
  fieldLabel: string;
  /** For a new passphrase: the second field, and what to say when the two differ. */
  repeat: { label: string; mismatch: string } | null;
  confirmLabel: string;
  cancelLabel: string;
  /** Why the previous answer was refused (wrong or too weak), shown with the field. */
  error: string | null;
}

export interface FilePrompt {
  title: string;
  buttonLabel: string;
  /** The file name proposed when saving. */
  defaultName?: string;
  filter: { name: string; extensions: string[] };
}

export interface MainDialogs {
  confirm(dialog: ConfirmDialog): Promise<ConfirmAnswer>;
  /** The passphrase typed, or null when the user cancelled. */
  askPassphrase(prompt: PassphrasePrompt): Promise<string | null>;
  /** The chosen path, or null when cancelled. */
  chooseSaveFile(prompt: FilePrompt): Promise<string | null>;
  chooseOpenFile(prompt: FilePrompt): Promise<string | null>;
}
