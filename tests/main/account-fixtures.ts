import type { AccountSummary } from '../../electron/shared/account-summary';

export const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

let counter = 0;

/** A healthy account summary; override what the test is about. */
export function summary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  counter += 1;
  return {
    id: `acct_${String(counter).padStart(8, '0')}`,
    label: `Client ${counter}`,
    email: `client${counter}@example.be`,
    host: 'https://prd.winbooksapis.be/wow/v2',
    hostKind: 'production',
    status: 'ready',
    autoRefresh: true,
    accessExpiresAt: NOW + 12 * 60_000 + 5_000,
    accessIssuedAt: NOW - 3 * 60_000,
    lastRefreshAt: NOW - 3 * 60_000,
    nextRefreshAt: NOW + 11 * 60_000,
    failingSince: null,
    lastError: null,
    lastUsedAt: null,
    createdAt: NOW - 86_400_000 + counter,
    ...overrides,
  };
}
