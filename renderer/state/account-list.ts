import type { AccountSummary } from '../../electron/shared/account-summary';
import { stateOf, viewOf } from './account-view';
import type { AccountState } from './account-view';

/** Searching, filtering and sorting the account list. Pure: the dashboard and the unit tests share it. */

export type SortKey = 'label' | 'expiry' | 'status';
export const SORT_KEYS: readonly SortKey[] = ['label', 'expiry', 'status'];

export interface ListQuery {
  search: string;
  sort: SortKey;
  attentionOnly: boolean;
}

/** Most urgent first when sorting by status. */
const STATE_RANK: Record<AccountState, number> = {
  'needs-exchange-token': 0,
  'secrets-unreadable': 1,
  'expired-failing': 2,
  'expired-manual': 3,
  retrying: 4,
  'auto-refresh-off': 5,
  refreshing: 6,
  ready: 7,
};

/** An account the user has to look at: only they can fix it, or it stopped working. */
export function needsAttention(account: AccountSummary, now: number = Date.now()): boolean {
  return viewOf(account, now).attention;
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

export function visibleAccounts(accounts: readonly AccountSummary[], query: ListQuery, collator: Intl.Collator, now: number = Date.now()): AccountSummary[] {
  const shown = accounts.filter((account) => matchesSearch(account, query.search) && (!query.attentionOnly || needsAttention(account, now)));
  const byLabel = (a: AccountSummary, b: AccountSummary): number => collator.compare(a.label, b.label) || a.id.localeCompare(b.id);
  return shown.sort(comparatorFor(query.sort, byLabel, now));
}

function comparatorFor(sort: SortKey, byLabel: (a: AccountSummary, b: AccountSummary) => number, now: number): (a: AccountSummary, b: AccountSummary) => number {
  switch (sort) {
    case 'label':
      return byLabel;
    case 'expiry':
      // Soonest expiry first; accounts without a token are the most urgent of all.
      return (a, b) => expiryRank(a) - expiryRank(b) || byLabel(a, b);
    case 'status':
      return (a, b) => STATE_RANK[stateOf(a, now)] - STATE_RANK[stateOf(b, now)] || expiryRank(a) - expiryRank(b) || byLabel(a, b);
  }
}

function expiryRank(account: AccountSummary): number {
  return account.accessExpiresAt ?? Number.NEGATIVE_INFINITY;
}

export function attentionCount(accounts: readonly AccountSummary[], now: number = Date.now()): number {
  return accounts.reduce((count, account) => count + (needsAttention(account, now) ? 1 : 0), 0);
}
