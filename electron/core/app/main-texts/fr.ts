import type { MainTexts } from './catalogue';
import { paramText, wordError } from './error-words';
import type { ErrorWords } from './error-words';
import { nameList } from './name-list';
import { pluralizer } from './plural';

/** Français (Belgique), avec le vocabulaire de l'interface (renderer/i18n/locales/fr.ts). */

const count = pluralizer('fr');
const accountCount = (n: number): string => count(n, { one: '# compte', many: '# de comptes', other: '# comptes' });

const names = (shown: readonly string[], others: number): string =>
  nameList(shown, others, (list, n) => `${list} et ${count(n, { one: '# autre', other: '# autres' })}`);

const errors: ErrorWords = {
  'invalid-input': () => 'Certaines informations ne sont pas valides.',
  'duplicate-label': () => 'Un autre compte porte déjà ce nom.',
  'duplicate-account': (params) => {
    const existing = paramText(params, 'label');
    return `Un compte pour cet e-mail et cette adresse API existe déjà${existing === null ? '' : ` : ${existing}`}.`;
  },
  'unknown-account': () => "Ce compte n'existe plus ; il a peut-être été supprimé.",
  'grant-rejected': () => "Winbooks a refusé ce jeton d'échange pour cette adresse e-mail.",
  'refresh-rejected': () => "Winbooks a refusé le jeton de renouvellement ; l'application réessaie avec le jeton d'échange.",
  'winbooks-unreachable': () => "Winbooks est injoignable. Vérifiez la connexion internet et l'adresse de l'API.",
  'winbooks-bad-response': () => "Winbooks a envoyé une réponse que l'application ne comprend pas. Réessayez dans un instant.",
  'needs-exchange-token': () => "Winbooks n'accepte plus cet accès. Ouvrez l'application et collez un nouveau jeton d'échange.",
  'secrets-unreadable': () => "Les jetons enregistrés de ce compte ne peuvent pas être déchiffrés. Ouvrez l'application pour l'ajouter à nouveau.",
  'vault-locked': () => "Vos comptes sont verrouillés. Déverrouillez-les d'abord dans l'application.",
  'storage-failed': () => "La modification n'a pas pu être enregistrée sur cet ordinateur. Vérifiez l'espace disque libre.",
  'auto-refresh-off': () => 'Le renouvellement automatique est désactivé pour ce compte ; renouvelez-le maintenant ou activez-le.',
  'host-not-allowed': () => "Les jetons ne vont qu'aux adresses de l'API Winbooks. Pour une autre adresse, activez « autres adresses d'API » dans les paramètres.",
  'gateway-unavailable': () => "La passerelle API locale est désactivée ou n'a pas de clé pour ce compte depuis le démarrage. Activez-la dans les paramètres et copiez de nouveau l'URL de la passerelle.",
  internal: () => "Un problème est survenu dans l'application. Réessayez ; si cela persiste, redémarrez l'application.",
};

export const fr: MainTexts = {
  lessThanAMinute: "moins d'une minute",
  seconds: (n) => `${n} s`,
  minutes: (n) => `${n} min`,
  hours: (n) => `${n} h`,
  days: (n) => count(n, { one: '# jour', many: '# de jours', other: '# jours' }),

  timeLeft: (duration) => `expire dans ${duration}`,
  refreshing: 'renouvellement…',
  noTokenYet: 'aucun jeton',
  expired: 'expiré',
  needsExchangeTokenShort: "nouveau jeton d'échange requis",
  secretsUnreadableShort: 'jetons enregistrés illisibles',
  refreshFailingShort: (threshold) => `renouvellement en échec depuis plus de ${threshold}`,
  copyToken: "Copier le jeton d'accès",
  copyHeader: "Copier l'en-tête Authorization",
  refreshNow: 'Renouveler maintenant',

  refreshAll: 'Tout renouveler',
  openApp: 'Ouvrir Winbooks Token Manager',
  quit: 'Quitter',
  unlock: 'Déverrouiller…',
  lockNow: 'Verrouiller maintenant',
  locked: 'Verrouillé',
  addAccount: 'Ajouter un compte…',
  allAccounts: 'Tous les comptes',

  tooltipLocked: 'comptes verrouillés',
  tooltipNoAccounts: "aucun compte pour l'instant",
  tooltipAllFine: (accounts) => `${accountCount(accounts)}, tout va bien`,
  tooltipAttention: (accounts, needing, shown, others) =>
    `${accountCount(accounts)} ; ${count(needing, { one: '# demande votre attention', many: '# de comptes demandent votre attention', other: '# demandent votre attention' })} : ${names(shown, others)}`,

  copyConfirmation: ({ label, format, validity, clearsIn }) =>
    `${label} : ${format === 'header' ? 'en-tête Authorization copié' : 'jeton copié'}, valable ${validity} ; ${clearsIn === null ? "le presse-papiers n'est pas vidé automatiquement" : `le presse-papiers sera vidé dans ${clearsIn}`}`,
  needsExchangeTokenTitle: (label) => `${label} : un nouveau jeton d'échange est requis`,
  needsExchangeTokenBody:
    "Winbooks a refusé les jetons de ce compte. Demandez un nouveau jeton d'échange à l'administrateur de la licence, puis utilisez « Remplacer le jeton d'échange » dans l'application.",
  secretsUnreadableTitle: (label) => `${label} : jetons enregistrés illisibles`,
  secretsUnreadableBody: "Les jetons enregistrés pour ce compte n'ont pas passé le contrôle d'intégrité. Ouvrez l'application et collez à nouveau le jeton d'échange.",
  refreshFailingTitle: (label) => `${label} : le renouvellement échoue`,
  refreshFailingBody: (duration) =>
    `Winbooks est injoignable depuis ${duration} ; l'application continue d'essayer. Vérifiez la connexion internet et l'adresse de l'API.`,
  trayHintTitle: 'Winbooks Token Manager reste actif',
  trayHintBody: "L'application garde vos jetons valides depuis la zone de notification. Pour l'arrêter, choisissez Quitter dans son menu.",
  trayActionFailed: (action) =>
    ({ copy: 'La copie a échoué', refresh: 'Le renouvellement a échoué', 'refresh-all': 'Le renouvellement de tous les comptes a échoué', lock: 'Échec du verrouillage' })[action],
  menuAccounts: 'Comptes',
  menuEdit: 'Édition',
  menuHelp: 'Aide',
  menuUndo: 'Annuler',
  menuRedo: 'Rétablir',
  menuCut: 'Couper',
  menuCopy: 'Copier',
  menuPaste: 'Coller',
  menuSelectAll: 'Tout sélectionner',
  menuSearch: 'Rechercher un compte',
  menuShortcuts: 'Raccourcis clavier',
  menuHide: (appName) => `Masquer ${appName}`,
  menuHideOthers: 'Masquer les autres',
  menuShowAll: 'Tout afficher',
  errorText: wordError(errors),
};
