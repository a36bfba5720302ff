import type { AccountStatus, AccountSummary } from '../electron/shared/account-summary';

/** Human-readable output for the terminal; --json variants are built in commands.ts. */

export const STATUS_WORDS: Record<AccountStatus, string> = {
  ready: 'ready',
  refreshing: 'refreshing',
  retrying: 'retrying (Winbooks unreachable)',
  'needs-exchange-token': 'needs a new exchange token',
  'auto-refresh-off': 'auto-refresh off',
  'secrets-unreadable': 'stored secrets unreadable',
};

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function describeExpiry(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'no token';
  const at = new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/u, 'Z');
  const seconds = Math.round((expiresAt - now) / 1000);
  return seconds >= 0 ? `${at} (in ${duration(seconds)})` : `${at} (expired ${duration(-seconds)} ago)`;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

export function accountTable(accounts: readonly AccountSummary[], now: number): string {
  const header = ['LABEL', 'E-MAIL', 'HOST', 'STATUS', 'EXPIRES'];
  const rows = accounts.map((account) => [account.label, account.email, account.host, STATUS_WORDS[account.status], describeExpiry(account.accessExpiresAt, now)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
