import type { AccountSummary } from '../../electron/shared/account-summary';
import { healthySummary } from '../support/account-summaries';

let counter = 0;

/** A valid account summary with overridable fields, for the renderer's pure-logic tests. */
export function summary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  counter += 1;
  const times = { accessIssuedAt: 100_000, accessExpiresAt: 1_000_000, nextRefreshAt: 900_000, createdAt: 1 };
  return healthySummary(counter, `account-${String(counter).padStart(4, '0')}`, times, overrides);
}
