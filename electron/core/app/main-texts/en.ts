import type { MainTexts } from './catalogue';
import { paramText, wordError } from './error-words';
import type { ErrorWords } from './error-words';
import { nameList } from './name-list';
import { pluralizer } from './plural';

const count = pluralizer('en');

const names = (shown: readonly string[], others: number): string => nameList(shown, others, (list, n) => `${list} and ${n} more`);

const errors: ErrorWords = {
  'invalid-input': () => 'Some of the information is not valid.',
  'duplicate-label': () => 'Another account already uses this label.',
  'duplicate-account': (params) => {
    const existing = paramText(params, 'label');
    return `An account for this e-mail and API address already exists${existing === null ? '' : `: ${existing}`}.`;
  },
  'unknown-account': () => 'This account no longer exists; it may have been removed.',
  'grant-rejected': () => 'Winbooks refused this exchange token for this e-mail address.',
  'refresh-rejected': () => 'Winbooks refused the refresh token; the app tries the exchange token again.',
  'winbooks-unreachable': () => 'Winbooks could not be reached. Check the internet connection and the API address.',
  'winbooks-bad-response': () => 'Winbooks sent an answer the app could not understand. Try again in a moment.',
  'needs-exchange-token': () => 'Winbooks no longer accepts this grant. Open the app and paste a new exchange token.',
  'secrets-unreadable': () => 'The stored tokens of this account cannot be decrypted. Open the app to add it again.',
  'vault-locked': () => 'Your accounts are locked. Unlock them in the app first.',
  'storage-failed': () => 'The change could not be saved on this computer. Check the free disk space.',
  'auto-refresh-off': () => 'Auto-refresh is off for this account; refresh it now or switch auto-refresh on.',
  'host-not-allowed': () => 'Tokens go only to the Winbooks API addresses. To use another address, turn on "other API addresses" in Settings.',
  'gateway-unavailable': () => 'The local API gateway is off or has no key for this account in this run. Turn it on in Settings and copy the gateway URL again.',
  internal: () => 'Something went wrong inside the app. Try again; if it persists, restart the app.',
};

export const en: MainTexts = {
  lessThanAMinute: 'less than a minute',
  seconds: (n) => `${n} s`,
  minutes: (n) => `${n} min`,
  hours: (n) => `${n} h`,
  days: (n) => count(n, { one: '# day', other: '# days' }),

  timeLeft: (duration) => `${duration} left`,
  refreshing: 'refreshing…',
  noTokenYet: 'no token yet',
  expired: 'expired',
  needsExchangeTokenShort: 'needs a new exchange token',
  secretsUnreadableShort: 'its stored tokens cannot be read',
  refreshFailingShort: (threshold) => `refresh failing for more than ${threshold}`,
  copyToken: 'Copy access token',
  copyHeader: 'Copy Authorization header',
  refreshNow: 'Refresh now',

  refreshAll: 'Refresh all',
  openApp: 'Open Winbooks Token Manager',
  quit: 'Quit',
  unlock: 'Unlock…',
  lockNow: 'Lock now',
  locked: 'Locked',
  addAccount: 'Add an account…',
  allAccounts: 'All accounts',

  tooltipLocked: 'locked',
  tooltipNoAccounts: 'no accounts yet',
  tooltipAllFine: (accounts) => `${count(accounts, { one: '# account', other: '# accounts' })}, all fine`,
  tooltipAttention: (accounts, needing, shown, others) =>
    `${count(accounts, { one: '# account', other: '# accounts' })}; ${count(needing, { one: '# needs attention', other: '# need attention' })}: ${names(shown, others)}`,

  copyConfirmation: ({ label, format, validity, clearsIn }) =>
    `${label}: ${format === 'header' ? 'Authorization header copied' : 'token copied'}, valid ${validity}; ${clearsIn === null ? 'the clipboard is not cleared automatically' : `clipboard clears in ${clearsIn}`}`,
  needsExchangeTokenTitle: (label) => `${label}: a new exchange token is needed`,
  needsExchangeTokenBody: 'Winbooks refused this account\'s tokens. Ask the licence admin for a new exchange token and paste it in the app.',
  secretsUnreadableTitle: (label) => `${label}: stored tokens cannot be read`,
  secretsUnreadableBody: 'The stored tokens of this account failed their integrity check. Open the app and paste the exchange token again.',
  refreshFailingTitle: (label) => `${label}: refresh failing`,
  refreshFailingBody: (duration) => `Winbooks could not be reached for ${duration}; the app keeps retrying. Check the network or the host.`,
  trayHintTitle: 'Winbooks Token Manager is still running',
  trayHintBody: 'It keeps your tokens fresh from the tray. Use Quit in the tray menu to stop it.',
  trayActionFailed: (action) => ({ copy: 'Copy failed', refresh: 'Refresh failed', 'refresh-all': 'Refresh all failed', lock: 'Lock failed' })[action],
  menuAccounts: 'Accounts',
  menuEdit: 'Edit',
  menuHelp: 'Help',
  menuUndo: 'Undo',
  menuRedo: 'Redo',
  menuCut: 'Cut',
  menuCopy: 'Copy',
  menuPaste: 'Paste',
  menuSelectAll: 'Select all',
  menuSearch: 'Search accounts',
  menuShortcuts: 'Keyboard shortcuts',
  menuHide: (appName) => `Hide ${appName}`,
  menuHideOthers: 'Hide others',
  menuShowAll: 'Show all',
  errorText: wordError(errors),
};
