import type { AccountSummary } from '../../electron/shared/account-summary';

export interface SummaryTimes {
  accessIssuedAt: number;
  accessExpiresAt: number;
  nextRefreshAt: number;
  createdAt: number;
}

/** A healthy account summary numbered `serial`, at the given instants; override what the test is about. */
export function healthySummary(serial: number, id: string, times: SummaryTimes, overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id,
    label: `Client ${serial}`,
    email: `client${serial}@example.be`,
    host: 'https://prd.winbooksapis.be/wow/v2',
    hostKind: 'production',
    status: 'ready',
    autoRefresh: true,
    accessExpiresAt: times.accessExpiresAt,
    accessIssuedAt: times.accessIssuedAt,
    lastRefreshAt: times.accessIssuedAt,
    nextRefreshAt: times.nextRefreshAt,
    failingSince: null,
    lastError: null,
    lastUsedAt: null,
    createdAt: times.createdAt,
    ...overrides,
  };
}
