import type { AccountSummary } from '../../electron/shared/account-summary';

/**
 * The one state the window shows for an account, derived from main's summary and the clock, so the status,
 * the countdown and the enabled actions can never disagree.
 *
 * A revoked grant (needs-exchange-token) makes the current access token unusable even before it expires:
 * Winbooks withdrew the grant, the app no longer hands that token out, so the window shows no countdown and
 * offers no copy, only "Replace exchange token".
 */
export type AccountState =
  | 'ready'
  | 'refreshing'
  | 'retrying'
  | 'auto-refresh-off'
  /** The access token expired and auto-refresh is off: copying still works (it gets a fresh token). */
  | 'expired-manual'
  /** The access token expired while refreshes keep failing. */
  | 'expired-failing'
  | 'needs-exchange-token'
  | 'secrets-unreadable';

export type StateTone = 'ok' | 'busy' | 'warn' | 'danger' | 'muted';

export interface AccountView {
  state: AccountState;
  tone: StateTone;
  /** Expiry of a usable access token, for the countdown; null when there is none to count down to. */
  countdownTo: number | null;
  canCopy: boolean;
  canRefresh: boolean;
  /** Only the user can fix it, or it stopped working: counted and filtered as "needs attention". */
  attention: boolean;
}

const TONES: Record<AccountState, StateTone> = {
  ready: 'ok',
  refreshing: 'busy',
  retrying: 'warn',
  'auto-refresh-off': 'muted',
  'expired-manual': 'warn',
  'expired-failing': 'danger',
  'needs-exchange-token': 'danger',
  'secrets-unreadable': 'danger',
};

const ATTENTION: ReadonlySet<AccountState> = new Set(['retrying', 'expired-manual', 'expired-failing', 'needs-exchange-token', 'secrets-unreadable']);

export function stateOf(account: AccountSummary, now: number): AccountState {
  if (account.status === 'secrets-unreadable') return 'secrets-unreadable';
  if (account.status === 'needs-exchange-token') return 'needs-exchange-token';
  const expired = account.accessExpiresAt === null || account.accessExpiresAt <= now;
  if (account.status === 'refreshing') return 'refreshing';
  if (expired && (account.status === 'retrying' || account.failingSince !== null)) return 'expired-failing';
  if (expired && !account.autoRefresh) return 'expired-manual';
  if (account.status === 'retrying' || account.failingSince !== null) return 'retrying';
  if (!account.autoRefresh) return 'auto-refresh-off';
  // Expired with auto-refresh on and nothing failing: the scheduler is about to renew it.
  return expired ? 'refreshing' : 'ready';
}

export function viewOf(account: AccountSummary, now: number): AccountView {
  const state = stateOf(account, now);
  const usable = state !== 'needs-exchange-token' && state !== 'secrets-unreadable';
  const counting = usable && account.accessExpiresAt !== null && account.accessExpiresAt > now;
  return {
    state,
    tone: TONES[state],
    countdownTo: counting ? account.accessExpiresAt : null,
    canCopy: usable,
    canRefresh: usable,
    attention: ATTENTION.has(state),
  };
}

/** The next instant at which some account's state changes by the clock alone (its token expiring); null if none. */
export function nextExpiry(accounts: readonly AccountSummary[], now: number): number | null {
  let next: number | null = null;
  for (const account of accounts) {
    const at = account.accessExpiresAt;
    if (at !== null && at > now && (next === null || at < next)) next = at;
  }
  return next;
}
