import type { AccountStatus, AccountSummary } from '../../electron/shared/account-summary';

/** Searching, filtering and sorting the dashboard list. Pure: the dashboard and the unit tests share it. */

export type SortKey = 'label' | 'expiry' | 'status';
export const SORT_KEYS: readonly SortKey[] = ['label', 'expiry', 'status'];

export interface ListQuery {
  search: string;
  sort: SortKey;
  attentionOnly: boolean;
}

const ATTENTION_STATUSES: ReadonlySet<AccountStatus> = new Set(['needs-exchange-token', 'secrets-unreadable', 'retrying']);

/** Most urgent first when sorting by status. */
const STATUS_RANK: Record<AccountStatus, number> = {
  'needs-exchange-token': 0,
  'secrets-unreadable': 1,
  retrying: 2,
  'auto-refresh-off': 3,
  refreshing: 4,
  ready: 5,
};

/** An account the user has to look at: only they can fix it, or its refreshes are failing. */
export function needsAttention(account: AccountSummary): boolean {
  return ATTENTION_STATUSES.has(account.status) || account.failingSince !== null;
}

/** Case- and accent-insensitive form used for searching ("Société" matches "societe"). */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export function matchesSearch(account: AccountSummary, search: string): boolean {
  const needle = searchable(search.trim());
  if (needle === '') return true;
  return searchable(account.label).includes(needle) || searchable(account.email).includes(needle);
}

export function visibleAccounts(accounts: readonly AccountSummary[], query: ListQuery, collator: Intl.Collator): AccountSummary[] {
  const shown = accounts.filter((account) => matchesSearch(account, query.search) && (!query.attentionOnly || needsAttention(account)));
  const byLabel = (a: AccountSummary, b: AccountSummary): number => collator.compare(a.label, b.label) || a.id.localeCompare(b.id);
  const compare = comparatorFor(query.sort, byLabel);
  return shown.sort(compare);
}

function comparatorFor(sort: SortKey, byLabel: (a: AccountSummary, b: AccountSummary) => number): (a: AccountSummary, b: AccountSummary) => number {
  switch (sort) {
    case 'label':
      return byLabel;
    case 'expiry':
      // Soonest expiry first; accounts without a token are the most urgent of all.
      return (a, b) => expiryRank(a) - expiryRank(b) || byLabel(a, b);
    case 'status':
      return (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || expiryRank(a) - expiryRank(b) || byLabel(a, b);
  }
}

function expiryRank(account: AccountSummary): number {
  return account.accessExpiresAt ?? Number.NEGATIVE_INFINITY;
}

export function attentionCount(accounts: readonly AccountSummary[]): number {
  return accounts.reduce((count, account) => count + (needsAttention(account) ? 1 : 0), 0);
}
