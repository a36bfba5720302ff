import type { AccountSummary } from '../../electron/shared/account-summary';

let counter = 0;

/** A valid account summary with overridable fields, for the renderer's pure-logic tests. */
export function summary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  counter += 1;
  return {
    id: `account-${String(counter).padStart(4, '0')}`,
    label: `Client ${counter}`,
    email: `client${counter}@example.be`,
    host: 'https://prd.winbooksapis.be/wow/v2',
    hostKind: 'production',
    status: 'ready',
    autoRefresh: true,
    accessExpiresAt: 1_000_000,
    accessIssuedAt: 100_000,
    lastRefreshAt: 100_000,
    nextRefreshAt: 900_000,
    failingSince: null,
    lastError: null,
    lastUsedAt: null,
    createdAt: 1,
    ...overrides,
  };
}
