import type { AccountSummary } from '../shared/account-summary';
import { attentionReason, attentionText } from './account-attention';
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
  | { type: 'quit' };

export type TrayMenuEntry =
  | { kind: 'item'; label: string; action: TrayAction; enabled: boolean }
  | { kind: 'submenu'; label: string; entries: TrayMenuEntry[] }
  | { kind: 'separator' };

/** Beyond this many accounts the top level shows only the most recently used, the rest in a submenu. */
export const TRAY_FLAT_LIMIT = 10;
export const TRAY_RECENT_COUNT = 5;

export function accountStateText(account: AccountSummary, now: number): string {
  if (account.status === 'refreshing') return 'refreshing…';
  if (account.accessExpiresAt === null) return 'no token yet';
  const left = account.accessExpiresAt - now;
  return left <= 0 ? 'expired' : `${formatDuration(left)} left`;
}

function accountEntry(account: AccountSummary, now: number): TrayMenuEntry {
  const reason = attentionReason(account, now);
  if (reason !== null) {
    return { kind: 'item', label: `⚠ ${account.label} — ${attentionText(reason)}`, action: { type: 'open', accountId: account.id }, enabled: true };
  }
  return {
    kind: 'submenu',
    label: `${account.label} — ${accountStateText(account, now)}`,
    entries: [
      { kind: 'item', label: 'Copy access token', action: { type: 'copy', accountId: account.id, format: 'token' }, enabled: true },
      { kind: 'item', label: 'Copy Authorization header', action: { type: 'copy', accountId: account.id, format: 'header' }, enabled: true },
      { kind: 'item', label: 'Refresh now', action: { type: 'refresh', accountId: account.id }, enabled: account.status !== 'refreshing' },
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
}

export function buildTrayMenu({ accounts, now, vaultOpen }: TrayMenuInput): TrayMenuEntry[] {
  const footer: TrayMenuEntry[] = [
    { kind: 'separator' },
    { kind: 'item', label: 'Refresh all', action: { type: 'refresh-all' }, enabled: vaultOpen && accounts.length > 0 },
    { kind: 'item', label: 'Open Winbooks Token Manager', action: { type: 'open' }, enabled: true },
    { kind: 'item', label: 'Quit', action: { type: 'quit' }, enabled: true },
  ];
  if (!vaultOpen) {
    return [{ kind: 'item', label: 'Unlock…', action: { type: 'open' }, enabled: true }, ...footer.slice(2)];
  }
  if (accounts.length === 0) {
    return [{ kind: 'item', label: 'Add an account…', action: { type: 'open' }, enabled: true }, ...footer];
  }
  if (accounts.length <= TRAY_FLAT_LIMIT) {
    return [...[...accounts].sort(byLabel).map((account) => accountEntry(account, now)), ...footer];
  }
  const recent = [...accounts].sort(byRecentUse).slice(0, TRAY_RECENT_COUNT);
  const recentIds = new Set(recent.map((account) => account.id));
  // Accounts that need the user stay visible even when they are not among the recent ones.
  const attention = accounts.filter((account) => !recentIds.has(account.id) && attentionReason(account, now) !== null).sort(byLabel);
  return [
    ...[...recent, ...attention].map((account) => accountEntry(account, now)),
    { kind: 'separator' },
    { kind: 'submenu', label: 'All accounts', entries: [...accounts].sort(byLabel).map((account) => accountEntry(account, now)) },
    ...footer,
  ];
}

export interface TrayStatus {
  attention: boolean;
  tooltip: string;
}

export function trayStatus({ accounts, now, vaultOpen }: TrayMenuInput): TrayStatus {
  const app = 'Winbooks Token Manager';
  if (!vaultOpen) return { attention: true, tooltip: `${app} — locked` };
  const needing = accounts.filter((account) => attentionReason(account, now) !== null);
  const count = `${accounts.length} account${accounts.length === 1 ? '' : 's'}`;
  if (needing.length === 0) return { attention: false, tooltip: accounts.length === 0 ? `${app} — no accounts yet` : `${app} — ${count}, all fine` };
  const names = needing.map((account) => account.label).slice(0, 3).join(', ');
  const more = needing.length > 3 ? ` and ${needing.length - 3} more` : '';
  return { attention: true, tooltip: `${app} — ${count}; ${needing.length} need${needing.length === 1 ? 's' : ''} attention: ${names}${more}` };
}
