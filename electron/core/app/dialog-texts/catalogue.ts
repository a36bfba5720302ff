import type { ImportEntry } from '../../../shared/backup-report';

/** The words of main's own dialogs (export, import, wider settings), one catalogue per language. Never a token. */
export interface DialogTexts {
  cancel: string;
  wrongVaultPassphrase: string;
  weakPassphrase: string;
  passphraseLabel: string;
  repeatLabel: string;
  passphraseMismatch: string;
  backupFilter: string;

  exportTitle: string;
  exportVaultPassphrase: (accounts: number) => string;
  exportConfirm: (accounts: number) => string;
  exportConfirmDetail: string;
  exportConfirmButton: string;
  exportChoosePassphrase: string;
  exportSaveButton: string;

  importTitle: string;
  importOpenButton: string;
  importPassphrase: (fileName: string) => string;
  wrongBackupPassphrase: string;
  importConfirm: (counts: { added: number; updated: number; changes: number; skipped: number }) => string;
  importLine: (entry: ImportEntry) => string;
  importAddressChangesCheckbox: (changes: number) => string;
  importConfirmButton: string;

  otherHostsTitle: string;
  otherHostsMessage: string;
  otherHostsDetail: string;
  cliTitle: string;
  cliEnableMessage: string;
  cliAccountsMessage: (labels: readonly string[]) => string;
  cliDetail: string;
  allowButton: string;
}
