import type { AccountSummary } from '../../shared/account-summary';

/** Refreshes failing for longer than this make an account need attention (and a notification). */
export const FAILING_ATTENTION_MS = 15 * 60_000;

export type AttentionReason = 'needs-exchange-token' | 'secrets-unreadable' | 'refresh-failing';

/** Why an account needs the user, or null when it looks after itself. */
export function attentionReason(account: AccountSummary, now: number): AttentionReason | null {
  if (account.status === 'needs-exchange-token') return 'needs-exchange-token';
  if (account.status === 'secrets-unreadable') return 'secrets-unreadable';
  if (account.failingSince !== null && now - account.failingSince > FAILING_ATTENTION_MS) return 'refresh-failing';
  return null;
}
