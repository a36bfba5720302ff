import type { AccountSummary } from '../../shared/account-summary';
import { FAILING_ATTENTION_MS, attentionReason } from './account-attention';
import type { AttentionReason } from './account-attention';
import { APP_NAME } from './main-texts';
import type { MainTexts } from './main-texts';
import { formatDuration } from './remaining-time';

/**
 * The tray menu as data: main turns it into an Electron Menu and maps each action to the app API.
 * Kept pure so the menu for any set of accounts can be checked without Electron.
 */

export type TrayAction =
  | { type: 'copy'; accountId: string; format: 'token' | 'header' }
  | { type: 'refresh'; accountId: string }
  | { type: 'refresh-all' }
  | { type: 'open'; accountId?: string }
  | { type: 'lock' }
  | { type: 'quit' };

export type TrayMenuEntry =
  | { kind: 'item'; label: string; action: TrayAction; enabled: boolean }
  | { kind: 'submenu'; label: string; entries: TrayMenuEntry[] }
  | { kind: 'separator' };

/** Beyond this many accounts the top level shows only the most recently used, the rest in a submenu. */
export const TRAY_FLAT_LIMIT = 10;
export const TRAY_RECENT_COUNT = 5;

export function accountStateText(account: AccountSummary, now: number, texts: MainTexts): string {
  if (account.status === 'refreshing') return texts.refreshing;
  if (account.accessExpiresAt === null) return texts.noTokenYet;
  const left = account.accessExpiresAt - now;
  return left <= 0 ? texts.expired : texts.timeLeft(formatDuration(left, texts));
}

function attentionText(reason: AttentionReason, texts: MainTexts): string {
  switch (reason) {
    case 'needs-exchange-token':
      return texts.needsExchangeTokenShort;
    case 'secrets-unreadable':
      return texts.secretsUnreadableShort;
    case 'refresh-failing':
      return texts.refreshFailingShort(formatDuration(FAILING_ATTENTION_MS, texts));
  }
}

/**
 * A user's text as a literal in a menu label. Every platform reads a single `&` as a mnemonic marker (Windows
 * menus, GTK through ConvertAcceleratorsFromWindowsStyle, macOS through FixUpWindowsStyleLabel) and drops it;
 * `&&` shows one `&` ("R&D" would otherwise read "RD").
 */
export function menuLiteral(text: string): string {
  return text.replaceAll('&', '&&');
}

function accountEntry(account: AccountSummary, now: number, texts: MainTexts): TrayMenuEntry {
  const reason = attentionReason(account, now);
  const label = menuLiteral(account.label);
  if (reason !== null) {
    return { kind: 'item', label: `⚠ ${label} — ${attentionText(reason, texts)}`, action: { type: 'open', accountId: account.id }, enabled: true };
  }
  return {
    kind: 'submenu',
    label: `${label} — ${accountStateText(account, now, texts)}`,
    entries: [
      { kind: 'item', label: texts.copyToken, action: { type: 'copy', accountId: account.id, format: 'token' }, enabled: true },
      { kind: 'item', label: texts.copyHeader, action: { type: 'copy', accountId: account.id, format: 'header' }, enabled: true },
      { kind: 'item', label: texts.refreshNow, action: { type: 'refresh', accountId: account.id }, enabled: account.status !== 'refreshing' },
    ],
  };
}

function byLabel(a: AccountSummary, b: AccountSummary): number {
  return a.label.localeCompare(b.label);
}

/** Most recently used first; never-used accounts after, newest first. */
function byRecentUse(a: AccountSummary, b: AccountSummary): number {
  return (b.lastUsedAt ?? -Infinity) - (a.lastUsedAt ?? -Infinity) || b.createdAt - a.createdAt;
}

export interface TrayMenuInput {
  accounts: AccountSummary[];
  now: number;
  /** False while the vault is locked or being set up: the menu then only opens the window. */
  vaultOpen: boolean;
  /** The catalogue of the user's language. */
  texts: MainTexts;
  /** The vault is open and has a passphrase: "Lock now" is offered. */
  canLock?: boolean;
}

export function buildTrayMenu({ accounts, now, vaultOpen, texts, canLock = false }: TrayMenuInput): TrayMenuEntry[] {
  const footer: TrayMenuEntry[] = [
    { kind: 'separator' },
    { kind: 'item', label: texts.refreshAll, action: { type: 'refresh-all' }, enabled: vaultOpen && accounts.length > 0 },
    ...(vaultOpen && canLock ? [{ kind: 'item', label: texts.lockNow, action: { type: 'lock' }, enabled: true } satisfies TrayMenuEntry] : []),
    { kind: 'item', label: texts.openApp, action: { type: 'open' }, enabled: true },
    { kind: 'item', label: texts.quit, action: { type: 'quit' }, enabled: true },
  ];
  if (!vaultOpen) {
    // Locked: only Unlock (which opens the window on the unlock screen), Open and Quit.
    return [
      { kind: 'item', label: texts.locked, action: { type: 'open' }, enabled: false },
      { kind: 'item', label: texts.unlock, action: { type: 'open' }, enabled: true },
      ...footer.slice(-2),
    ];
  }
  if (accounts.length === 0) {
    return [{ kind: 'item', label: texts.addAccount, action: { type: 'open' }, enabled: true }, ...footer];
  }
  const entry = (account: AccountSummary): TrayMenuEntry => accountEntry(account, now, texts);
  if (accounts.length <= TRAY_FLAT_LIMIT) {
    return [...[...accounts].sort(byLabel).map(entry), ...footer];
  }
  const recent = [...accounts].sort(byRecentUse).slice(0, TRAY_RECENT_COUNT);
  const recentIds = new Set(recent.map((account) => account.id));
  // Accounts that need the user stay visible even when they are not among the recent ones.
  const attention = accounts.filter((account) => !recentIds.has(account.id) && attentionReason(account, now) !== null).sort(byLabel);
  return [
    ...[...recent, ...attention].map(entry),
    { kind: 'separator' },
    { kind: 'submenu', label: texts.allAccounts, entries: [...accounts].sort(byLabel).map(entry) },
    ...footer,
  ];
}

export interface TrayStatus {
  attention: boolean;
  tooltip: string;
}

/** The tooltip names at most this many accounts needing attention, then says how many more. */
const TOOLTIP_NAMED = 3;

export function trayStatus({ accounts, now, vaultOpen, texts }: TrayMenuInput): TrayStatus {
  const tooltip = (summary: string): string => `${APP_NAME} — ${summary}`;
  if (!vaultOpen) return { attention: true, tooltip: tooltip(texts.tooltipLocked) };
  const needing = accounts.filter((account) => attentionReason(account, now) !== null);
  if (needing.length === 0) {
    return { attention: false, tooltip: tooltip(accounts.length === 0 ? texts.tooltipNoAccounts : texts.tooltipAllFine(accounts.length)) };
  }
  const names = needing.slice(0, TOOLTIP_NAMED).map((account) => account.label);
  return { attention: true, tooltip: tooltip(texts.tooltipAttention(accounts.length, needing.length, names, needing.length - names.length)) };
}
