import type { DurationWords } from '../remaining-time';
import type { WordedError } from './error-words';

/** The languages main speaks (the same three as the renderer). */
export type MainLanguage = 'en' | 'fr' | 'nl';

/** The product name: never translated. */
export const APP_NAME = 'Winbooks Token Manager';

export type TrayFailedAction = 'copy' | 'refresh' | 'refresh-all' | 'lock';

/**
 * Every text the main process shows (tray, notifications), one member per message. Texts receive labels, counts
 * and formatted durations only: never a token.
 */
export interface MainTexts extends DurationWords {
  // Tray: one account's line ("ACME — 12 min left") and its submenu.
  timeLeft: (duration: string) => string;
  refreshing: string;
  noTokenYet: string;
  expired: string;
  needsExchangeTokenShort: string;
  secretsUnreadableShort: string;
  refreshFailingShort: (threshold: string) => string;
  copyToken: string;
  copyHeader: string;
  refreshNow: string;
  // Tray: the rest of the menu.
  refreshAll: string;
  openApp: string;
  quit: string;
  unlock: string;
  lockNow: string;
  /** The tray's first (inactive) line while the vault is locked. */
  locked: string;
  addAccount: string;
  allAccounts: string;
  // Tray tooltip, after "Winbooks Token Manager — ".
  tooltipLocked: string;
  tooltipNoAccounts: string;
  tooltipAllFine: (accounts: number) => string;
  /** `names` are the first few accounts needing attention; `others` how many more there are. */
  tooltipAttention: (accounts: number, needing: number, names: readonly string[], others: number) => string;
  // Notifications.
  copyConfirmation: (input: { label: string; format: 'token' | 'header'; validity: string; clearsIn: string | null }) => string;
  needsExchangeTokenTitle: (label: string) => string;
  needsExchangeTokenBody: string;
  secretsUnreadableTitle: (label: string) => string;
  secretsUnreadableBody: string;
  refreshFailingTitle: (label: string) => string;
  refreshFailingBody: (duration: string) => string;
  trayHintTitle: string;
  trayHintBody: string;
  trayActionFailed: (action: TrayFailedAction) => string;
  // Application menu (the window's menu bar; on macOS the menu at the top of the screen).
  menuAccounts: string;
  menuEdit: string;
  menuHelp: string;
  menuUndo: string;
  menuRedo: string;
  menuCut: string;
  menuCopy: string;
  menuPaste: string;
  menuSelectAll: string;
  menuSearch: string;
  menuShortcuts: string;
  /** macOS application menu: "Hide Winbooks Token Manager". */
  menuHide: (appName: string) => string;
  menuHideOthers: string;
  menuShowAll: string;
  /** Why an operation failed, in words chosen from its code and params (the core's English message is for logs). */
  errorText: (error: WordedError) => string;
}
