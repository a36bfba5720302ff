import type { DialogTexts } from './catalogue';

const accounts = (n: number): string => (n === 1 ? '1 account' : `${n} accounts`);

export const en: DialogTexts = {
  cancel: 'Cancel',
  wrongVaultPassphrase: 'This is not the vault passphrase. Check Caps Lock and the keyboard layout.',
  weakPassphrase: 'This passphrase is too short or too weak: choose a longer one.',
  passphraseLabel: 'Passphrase',
  repeatLabel: 'Type it again',
  passphraseMismatch: 'The two passphrases differ.',
  backupFilter: 'Winbooks Token Manager backup',

  exportTitle: 'Export a backup',
  exportVaultPassphrase: (n) => `The backup will hold every token of ${accounts(n)}. Enter your vault passphrase to go on.`,
  exportConfirm: (n) => `Export a backup of ${accounts(n)}?`,
  exportConfirmDetail: 'The file holds every token, encrypted with a passphrase you choose next. Keep it and its passphrase apart.',
  exportConfirmButton: 'Export',
  exportChoosePassphrase: 'Choose a passphrase for this backup. You will need it to import the backup.',
  exportSaveButton: 'Save backup',

  importTitle: 'Import a backup',
  importOpenButton: 'Open backup',
  importPassphrase: (fileName) => `Enter the passphrase of ${fileName}.`,
  wrongBackupPassphrase: 'The backup cannot be opened with this passphrase (or the file was changed after export).',
  importConfirm: ({ added, updated, changes, skipped }) =>
    `Import this backup? ${added} to add, ${updated} to update, ${changes} with another address, ${skipped} left as they are.`,
  importLine: (entry) => {
    const { label, params } = entry;
    switch (entry.reason) {
      case 'new-account':
        return `+ ${label}: new account`;
      case 'newer-tokens':
        return `↻ ${label}: newer tokens`;
      case 'repairs-account':
        return `↻ ${label}: usable tokens replace unusable ones`;
      case 'address-changed':
      case 'address-change-declined':
        return `⚠ ${label}: ${params.fromEmail} at ${params.fromHost} → ${params.toEmail} at ${params.toHost}`;
      case 'local-is-newer':
        return `= ${label}: this PC's tokens are as recent or newer`;
      case 'duplicate-in-backup':
        return `– ${label}: appears twice in the backup`;
      case 'duplicate-of-existing':
        return `– ${label}: same e-mail and address as ${params.existing}`;
      case 'host-not-allowed':
        return `– ${label}: ${params.host} is not a Winbooks address (other API addresses are off)`;
      case 'invalid-entry':
        return `– ${label}: invalid ${params.field}`;
    }
  },
  importAddressChangesCheckbox: (n) => `Also move ${accounts(n)} to the other e-mail or API address listed (⚠)`,
  importConfirmButton: 'Import',

  otherHostsTitle: 'Allow other API addresses?',
  otherHostsMessage: 'Accept API addresses other than the Winbooks ones?',
  otherHostsDetail:
    'Only turn this on if Winbooks gave you another address. A message asking you to "move" your accounts to a new address is a classic phishing trick: tokens are sent to the address you enter.',
  cliTitle: 'Command line',
  cliEnableMessage: 'Let scripts on this computer get tokens through the winbooks-token command line?',
  cliAccountsMessage: (labels) => `Let the command line serve ${labels.join(', ')}?`,
  cliDetail: 'Any program running under your user account can then ask for the tokens of the accounts you allow, while the vault is unlocked.',
  allowButton: 'Allow',
};
