import type { DialogTexts } from './catalogue';

const accounts = (n: number): string => (n === 1 ? '1 account' : `${n} accounts`);

export const nl: DialogTexts = {
  cancel: 'Annuleren',
  wrongVaultPassphrase: 'Dit is niet de wachtwoordzin van de kluis. Controleer Caps Lock en de toetsenbordindeling.',
  weakPassphrase: 'Deze wachtwoordzin is te kort of te zwak: kies een langere.',
  passphraseLabel: 'Wachtwoordzin',
  repeatLabel: 'Typ hem opnieuw',
  passphraseMismatch: 'De twee wachtwoordzinnen verschillen.',
  backupFilter: 'Back-up van Winbooks Token Manager',

  exportTitle: 'Een back-up exporteren',
  exportVaultPassphrase: (n) => `De back-up bevat alle tokens van ${accounts(n)}. Voer de wachtwoordzin van de kluis in om verder te gaan.`,
  exportConfirm: (n) => `Een back-up van ${accounts(n)} exporteren?`,
  exportConfirmDetail: 'Het bestand bevat alle tokens, versleuteld met een wachtwoordzin die u hierna kiest. Bewaar het bestand en de wachtwoordzin apart.',
  exportConfirmButton: 'Exporteren',
  exportChoosePassphrase: 'Kies een wachtwoordzin voor deze back-up. U hebt hem nodig om de back-up te importeren.',
  exportSaveButton: 'Back-up opslaan',

  importTitle: 'Een back-up importeren',
  importOpenButton: 'Back-up openen',
  importPassphrase: (fileName) => `Voer de wachtwoordzin van ${fileName} in.`,
  wrongBackupPassphrase: 'De back-up gaat niet open met deze wachtwoordzin (of het bestand is na de export gewijzigd).',
  importConfirm: ({ added, updated, changes, skipped }) =>
    `Deze back-up importeren? ${added} toe te voegen, ${updated} bij te werken, ${changes} met een ander adres, ${skipped} ongewijzigd.`,
  importLine: (entry) => {
    const { label, params } = entry;
    switch (entry.reason) {
      case 'new-account':
        return `+ ${label}: nieuw account`;
      case 'newer-tokens':
        return `↻ ${label}: recentere tokens`;
      case 'repairs-account':
        return `↻ ${label}: bruikbare tokens vervangen onbruikbare`;
      case 'address-changed':
      case 'address-change-declined':
        return `⚠ ${label}: ${params.fromEmail} op ${params.fromHost} → ${params.toEmail} op ${params.toHost}`;
      case 'local-is-newer':
        return `= ${label}: de tokens op deze pc zijn even recent of recenter`;
      case 'duplicate-in-backup':
        return `– ${label}: staat twee keer in de back-up`;
      case 'duplicate-of-existing':
        return `– ${label}: zelfde e-mail en adres als ${params.existing}`;
      case 'host-not-allowed':
        return `– ${label}: ${params.host} is geen Winbooks-adres (andere API-adressen staan uit)`;
      case 'invalid-entry':
        return `– ${label}: ongeldig ${params.field}`;
    }
  },
  importAddressChangesCheckbox: (n) => `Ook ${accounts(n)} verplaatsen naar het andere e-mail- of API-adres hierboven (⚠)`,
  importConfirmButton: 'Importeren',

  otherHostsTitle: 'Andere API-adressen toestaan?',
  otherHostsMessage: 'API-adressen aanvaarden die niet van Winbooks zijn?',
  otherHostsDetail:
    'Zet dit enkel aan als Winbooks u een ander adres gaf. Een bericht dat vraagt uw accounts naar een nieuw adres te "verhuizen" is een klassieke phishingtruc: tokens worden naar het ingevoerde adres gestuurd.',
  cliTitle: 'Opdrachtregel',
  cliEnableMessage: 'Scripts op deze computer tokens laten ophalen via de opdrachtregel winbooks-token?',
  cliAccountsMessage: (labels) => `De opdrachtregel ${labels.join(', ')} laten bedienen?`,
  cliDetail: 'Elk programma dat onder uw gebruikersaccount draait, kan dan de tokens van de toegestane accounts opvragen zolang de kluis ontgrendeld is.',
  allowButton: 'Toestaan',
};
