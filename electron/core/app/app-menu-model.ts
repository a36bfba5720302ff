import { APP_NAME } from './main-texts';
import type { MainTexts } from './main-texts';

/**
 * The application menu as data (main turns it into an Electron Menu). It carries the window's keyboard shortcuts
 * (renderer/components/dashboard/use-shortcuts.ts) as accelerators, so they show in the menu and work natively.
 *
 * A command item does not act in main: main sends its command to the window (MENU_COMMAND_CHANNEL), which runs the
 * same handler as the keyboard shortcut. The page sees a keystroke before the menu does; the menu's accelerator
 * only fires for a keystroke the page left unhandled, so a shortcut never runs twice.
 *
 * Copying: CmdOrCtrl+C is also Edit > Copy, which must keep copying the text of a field or a selection. So the
 * copy items show their accelerator without registering it (registerAccelerator: false, Windows and Linux): the
 * keystroke reaches the page, whose handler copies the token only when no text field has focus and no text is
 * selected, and otherwise leaves it to Edit > Copy. macOS has no registerAccelerator; there the Edit menu comes
 * before the Accounts menu, so an unhandled ⌘C finds Edit > Copy first.
 */

/** What the window does for a menu item; the names of use-shortcuts' handlers. */
export const MENU_COMMANDS = ['copyToken', 'copyHeader', 'refresh', 'search', 'add', 'lock', 'help'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type AppMenuRole = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'hide' | 'hideOthers' | 'unhide' | 'quit';

export type AppMenuItem =
  | { kind: 'command'; label: string; command: MenuCommand; accelerator: string; registerAccelerator: boolean; enabled: boolean }
  | { kind: 'role'; label: string; role: AppMenuRole }
  | { kind: 'separator' };

export interface AppMenuSection {
  label: string;
  items: AppMenuItem[];
}

/** The accelerator of each command, in Electron's syntax; the same keys as the window's shortcuts. */
export const MENU_ACCELERATORS: Readonly<Record<MenuCommand, string>> = {
  copyToken: 'CmdOrCtrl+C',
  copyHeader: 'CmdOrCtrl+Shift+C',
  refresh: 'CmdOrCtrl+R',
  search: 'CmdOrCtrl+F',
  add: 'CmdOrCtrl+N',
  lock: 'CmdOrCtrl+L',
  help: 'F1',
};

/** Left to the page (see above): their keys belong to Edit > Copy whenever text is being copied. */
const PAGE_ONLY_KEYS: ReadonlySet<MenuCommand> = new Set<MenuCommand>(['copyToken', 'copyHeader']);

export interface AppMenuInput {
  platform: NodeJS.Platform;
  texts: MainTexts;
  /** Account commands need open accounts; while locked or damaged only Lock, Help and the Edit roles stay. */
  vaultOpen: boolean;
  /** Whether Lock can do anything (a passphrase or keychain protects the vault). */
  canLock: boolean;
}

function command(label: string, name: MenuCommand, enabled: boolean): AppMenuItem {
  return { kind: 'command', label, command: name, accelerator: MENU_ACCELERATORS[name], registerAccelerator: !PAGE_ONLY_KEYS.has(name), enabled };
}

const SEPARATOR: AppMenuItem = { kind: 'separator' };

export function buildAppMenu({ platform, texts, vaultOpen, canLock }: AppMenuInput): AppMenuSection[] {
  const mac = platform === 'darwin';
  const quit: AppMenuItem = { kind: 'role', role: 'quit', label: texts.quit };
  const edit: AppMenuSection = {
    label: texts.menuEdit,
    items: [
      { kind: 'role', role: 'undo', label: texts.menuUndo },
      { kind: 'role', role: 'redo', label: texts.menuRedo },
      SEPARATOR,
      { kind: 'role', role: 'cut', label: texts.menuCut },
      { kind: 'role', role: 'copy', label: texts.menuCopy },
      { kind: 'role', role: 'paste', label: texts.menuPaste },
      { kind: 'role', role: 'selectAll', label: texts.menuSelectAll },
    ],
  };
  const accounts: AppMenuSection = {
    label: texts.menuAccounts,
    items: [
      command(texts.addAccount, 'add', vaultOpen),
      command(texts.menuSearch, 'search', vaultOpen),
      SEPARATOR,
      command(texts.copyToken, 'copyToken', vaultOpen),
      command(texts.copyHeader, 'copyHeader', vaultOpen),
      command(texts.refreshNow, 'refresh', vaultOpen),
      SEPARATOR,
      command(texts.lockNow, 'lock', canLock),
      ...(mac ? [] : [SEPARATOR, quit]),
    ],
  };
  const help: AppMenuSection = { label: texts.menuHelp, items: [command(texts.menuShortcuts, 'help', true)] };
  if (!mac) return [accounts, edit, help];
  const application: AppMenuSection = {
    label: APP_NAME,
    items: [
      { kind: 'role', role: 'hide', label: texts.menuHide(APP_NAME) },
      { kind: 'role', role: 'hideOthers', label: texts.menuHideOthers },
      { kind: 'role', role: 'unhide', label: texts.menuShowAll },
      SEPARATOR,
      quit,
    ],
  };
  // Edit before Accounts: an unhandled ⌘C must find Edit > Copy first.
  return [application, edit, accounts, help];
}
