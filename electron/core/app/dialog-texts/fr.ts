import type { DialogTexts } from './catalogue';

const accounts = (n: number): string => (n <= 1 ? `${n} compte` : `${n} comptes`);

export const fr: DialogTexts = {
  cancel: 'Annuler',
  wrongVaultPassphrase: "Ce n'est pas la phrase secrète du coffre. Vérifiez le verrouillage des majuscules et la disposition du clavier.",
  weakPassphrase: 'Cette phrase secrète est trop courte ou trop faible : choisissez-en une plus longue.',
  passphraseLabel: 'Phrase secrète',
  repeatLabel: 'Tapez-la à nouveau',
  passphraseMismatch: 'Les deux phrases secrètes diffèrent.',
  backupFilter: 'Sauvegarde Winbooks Token Manager',

  exportTitle: 'Exporter une sauvegarde',
  exportVaultPassphrase: (n) => `La sauvegarde contiendra tous les jetons de ${accounts(n)}. Entrez la phrase secrète du coffre pour continuer.`,
  exportConfirm: (n) => `Exporter une sauvegarde de ${accounts(n)} ?`,
  exportConfirmDetail: 'Le fichier contient tous les jetons, chiffrés avec une phrase secrète que vous choisissez ensuite. Gardez le fichier et sa phrase secrète séparément.',
  exportConfirmButton: 'Exporter',
  exportChoosePassphrase: "Choisissez une phrase secrète pour cette sauvegarde. Elle sera nécessaire pour l'importer.",
  exportSaveButton: 'Enregistrer la sauvegarde',

  importTitle: 'Importer une sauvegarde',
  importOpenButton: 'Ouvrir la sauvegarde',
  importPassphrase: (fileName) => `Entrez la phrase secrète de ${fileName}.`,
  wrongBackupPassphrase: "La sauvegarde ne s'ouvre pas avec cette phrase secrète (ou le fichier a été modifié après l'export).",
  importConfirm: ({ added, updated, changes, skipped }) =>
    `Importer cette sauvegarde ? ${added} à ajouter, ${updated} à mettre à jour, ${changes} avec une autre adresse, ${skipped} inchangés.`,
  importLine: (entry) => {
    const { label, params } = entry;
    switch (entry.reason) {
      case 'new-account':
        return `+ ${label} : nouveau compte`;
      case 'newer-tokens':
        return `↻ ${label} : jetons plus récents`;
      case 'repairs-account':
        return `↻ ${label} : des jetons utilisables remplacent des jetons inutilisables`;
      case 'address-changed':
      case 'address-change-declined':
        return `⚠ ${label} : ${params.fromEmail} sur ${params.fromHost} → ${params.toEmail} sur ${params.toHost}`;
      case 'local-is-newer':
        return `= ${label} : les jetons de ce PC sont aussi récents ou plus récents`;
      case 'duplicate-in-backup':
        return `– ${label} : figure deux fois dans la sauvegarde`;
      case 'duplicate-of-existing':
        return `– ${label} : même e-mail et même adresse que ${params.existing}`;
      case 'host-not-allowed':
        return `– ${label} : ${params.host} n'est pas une adresse Winbooks (les autres adresses d'API sont désactivées)`;
      case 'invalid-entry':
        return `– ${label} : ${params.field} invalide`;
    }
  },
  importAddressChangesCheckbox: (n) => `Déplacer aussi ${accounts(n)} vers l'autre e-mail ou adresse d'API indiqué (⚠)`,
  importConfirmButton: 'Importer',

  otherHostsTitle: "Autoriser d'autres adresses d'API ?",
  otherHostsMessage: "Accepter des adresses d'API autres que celles de Winbooks ?",
  otherHostsDetail:
    "N'activez ceci que si Winbooks vous a donné une autre adresse. Un message vous demandant de « déplacer » vos comptes vers une nouvelle adresse est une ruse d'hameçonnage classique : les jetons sont envoyés à l'adresse saisie.",
  cliTitle: 'Ligne de commande',
  cliEnableMessage: 'Permettre aux scripts de cet ordinateur d’obtenir des jetons par la ligne de commande winbooks-token ?',
  cliAccountsMessage: (labels) => `Permettre à la ligne de commande de servir ${labels.join(', ')} ?`,
  cliDetail: "Tout programme lancé sous votre compte utilisateur pourra alors demander les jetons des comptes autorisés, tant que le coffre est déverrouillé.",
  allowButton: 'Autoriser',
};
