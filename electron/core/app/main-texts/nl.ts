import type { MainTexts } from './catalogue';
import { paramText, wordError } from './error-words';
import type { ErrorWords } from './error-words';
import { nameList } from './name-list';
import { pluralizer } from './plural';

/** Nederlands (België), met de woorden van de interface (renderer/i18n/locales/nl.ts). */

const count = pluralizer('nl');
const accountCount = (n: number): string => count(n, { one: '# account', other: '# accounts' });

const names = (shown: readonly string[], others: number): string =>
  nameList(shown, others, (list, n) => `${list} en nog ${count(n, { one: '# ander', other: '# andere' })}`);

const errors: ErrorWords = {
  'invalid-input': () => 'Sommige gegevens zijn niet geldig.',
  'duplicate-label': () => 'Een ander account gebruikt deze naam al.',
  'duplicate-account': (params) => {
    const existing = paramText(params, 'label');
    return `Er bestaat al een account voor dit e-mailadres en API-adres${existing === null ? '' : `: ${existing}`}.`;
  },
  'unknown-account': () => 'Dit account bestaat niet meer; misschien is het verwijderd.',
  'grant-rejected': () => 'Winbooks heeft dit uitwisselingstoken voor dit e-mailadres geweigerd.',
  'refresh-rejected': () => 'Winbooks heeft het vernieuwingstoken geweigerd; de app probeert het opnieuw met het uitwisselingstoken.',
  'winbooks-unreachable': () => 'Winbooks is niet bereikbaar. Controleer de internetverbinding en het API-adres.',
  'winbooks-bad-response': () => 'Winbooks stuurde een antwoord dat de app niet begrijpt. Probeer het zo opnieuw.',
  'needs-exchange-token': () => 'Winbooks aanvaardt deze toegang niet meer. Open de app en plak een nieuw uitwisselingstoken.',
  'secrets-unreadable': () => 'De opgeslagen tokens van dit account kunnen niet worden ontsleuteld. Open de app om het opnieuw toe te voegen.',
  'vault-locked': () => 'Uw accounts zijn vergrendeld. Ontgrendel ze eerst in de app.',
  'storage-failed': () => 'De wijziging kon niet op deze computer worden opgeslagen. Controleer de vrije schijfruimte.',
  'auto-refresh-off': () => 'Automatisch vernieuwen staat uit voor dit account; vernieuw het nu of zet automatisch vernieuwen aan.',
  'host-not-allowed': () => 'Tokens gaan alleen naar de API-adressen van Winbooks. Zet voor een ander adres "andere API-adressen" aan in de instellingen.',
  'gateway-unavailable': () => 'De lokale API-gateway staat uit of heeft sinds de start geen sleutel voor dit account. Zet hem aan in de instellingen en kopieer de gateway-URL opnieuw.',
  internal: () => 'Er ging iets mis in de app. Probeer opnieuw; blijft het misgaan, start de app dan opnieuw.',
};

export const nl: MainTexts = {
  lessThanAMinute: 'minder dan een minuut',
  seconds: (n) => `${n} s`,
  minutes: (n) => `${n} min`,
  hours: (n) => `${n} u`,
  days: (n) => count(n, { one: '# dag', other: '# dagen' }),

  timeLeft: (duration) => `verloopt over ${duration}`,
  refreshing: 'bezig met vernieuwen…',
  noTokenYet: 'geen token',
  expired: 'verlopen',
  needsExchangeTokenShort: 'nieuw uitwisselingstoken nodig',
  secretsUnreadableShort: 'opgeslagen tokens onleesbaar',
  refreshFailingShort: (threshold) => `vernieuwen mislukt al meer dan ${threshold}`,
  copyToken: 'Toegangstoken kopiëren',
  copyHeader: 'Authorization-header kopiëren',
  refreshNow: 'Nu vernieuwen',

  refreshAll: 'Alles vernieuwen',
  openApp: 'Winbooks Token Manager openen',
  quit: 'Afsluiten',
  unlock: 'Ontgrendelen…',
  lockNow: 'Nu vergrendelen',
  locked: 'Vergrendeld',
  addAccount: 'Account toevoegen…',
  allAccounts: 'Alle accounts',

  tooltipLocked: 'accounts vergrendeld',
  tooltipNoAccounts: 'nog geen accounts',
  tooltipAllFine: (accounts) => `${accountCount(accounts)}, alles in orde`,
  tooltipAttention: (accounts, needing, shown, others) =>
    `${accountCount(accounts)}; ${count(needing, { one: '# vraagt aandacht', other: '# vragen aandacht' })}: ${names(shown, others)}`,

  copyConfirmation: ({ label, format, validity, clearsIn }) =>
    `${label}: ${format === 'header' ? 'Authorization-header gekopieerd' : 'token gekopieerd'}, geldig gedurende ${validity}; ${clearsIn === null ? 'het klembord wordt niet automatisch gewist' : `het klembord wordt over ${clearsIn} gewist`}`,
  needsExchangeTokenTitle: (label) => `${label}: nieuw uitwisselingstoken nodig`,
  needsExchangeTokenBody:
    'Winbooks heeft de tokens van dit account geweigerd. Vraag de beheerder van de licentie om een nieuw uitwisselingstoken en kies dan ‘Uitwisselingstoken vervangen’ in de app.',
  secretsUnreadableTitle: (label) => `${label}: opgeslagen tokens onleesbaar`,
  secretsUnreadableBody: 'De integriteitscontrole van de opgeslagen tokens van dit account is mislukt. Open de app en plak het uitwisselingstoken opnieuw.',
  refreshFailingTitle: (label) => `${label}: vernieuwen mislukt`,
  refreshFailingBody: (duration) => `Winbooks is al ${duration} niet bereikbaar; de app blijft het proberen. Controleer de internetverbinding en het API-adres.`,
  trayHintTitle: 'Winbooks Token Manager blijft actief',
  trayHintBody: 'De app houdt uw tokens geldig vanuit het systeemvak. Kies Afsluiten in het menu van het pictogram om de app te stoppen.',
  trayActionFailed: (action) => ({ copy: 'Kopiëren mislukt', refresh: 'Vernieuwen mislukt', 'refresh-all': 'Alles vernieuwen mislukt', lock: 'Vergrendelen mislukt' })[action],
  menuAccounts: 'Accounts',
  menuEdit: 'Bewerken',
  menuHelp: 'Help',
  menuUndo: 'Ongedaan maken',
  menuRedo: 'Opnieuw',
  menuCut: 'Knippen',
  menuCopy: 'Kopiëren',
  menuPaste: 'Plakken',
  menuSelectAll: 'Alles selecteren',
  menuSearch: 'Accounts zoeken',
  menuShortcuts: 'Sneltoetsen',
  menuHide: (appName) => `${appName} verbergen`,
  menuHideOthers: 'Andere verbergen',
  menuShowAll: 'Alles tonen',
  errorText: wordError(errors),
};
