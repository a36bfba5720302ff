import type { AccountSummary } from '../../electron/shared/account-summary';
import { healthySummary } from '../support/account-summaries';

export const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

let counter = 0;

/** A healthy account summary (12 min 5 s left at NOW); override what the test is about. */
export function summary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  counter += 1;
  const times = { accessIssuedAt: NOW - 3 * 60_000, accessExpiresAt: NOW + 12 * 60_000 + 5_000, nextRefreshAt: NOW + 11 * 60_000, createdAt: NOW - 86_400_000 + counter };
  return healthySummary(counter, `acct_${String(counter).padStart(8, '0')}`, times, overrides);
}
