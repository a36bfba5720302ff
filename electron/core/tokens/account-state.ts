import { hostKind } from '../../shared/host-kind';
import type { AccountStatus, AccountSummary, AppErrorShape } from '../../shared/account-summary';
import type { AccountRecord, AccountSecrets } from './account-storage';
import type { TimerHandle } from '../common/clock';

/** What the lifecycle knows about one account while the app runs. */
export interface AccountState {
  record: AccountRecord;
  /** Decrypted secrets, read from storage on first use. */
  secrets: AccountSecrets | null;
  /** The e-mail and host the secrets in memory were obtained for (grantKeyOf): a secret goes nowhere else. */
  secretsFor: string | null;
  /** The one token request (with its persistence) running for this account, if any. */
  inFlight: Promise<LadderResult> | null;
  /** What inFlight is: only a refresh ladder may be shared with other callers. */
  inFlightKind: 'ladder' | 'grant-change' | null;
  timer: TimerHandle | null;
  nextRefreshAt: number | null;
  /** Drawn once per access token so that a resync keeps the same refresh instant. */
  jitterMs: number;
  /** Consecutive transient failures. */
  failedAttempts: number;
  failingSince: number | null;
  retryAt: number | null;
  secretsUnreadable: boolean;
  removed: boolean;
}

/** How one run of the recovery ladder (refresh, then exchange) ended. */
export type LadderResult =
  | { kind: 'success'; via: 'refresh' | 'exchange' }
  | { kind: 'failed'; error: AppErrorShape; final: boolean };

export function newAccountState(record: AccountRecord, secrets: AccountSecrets | null): AccountState {
  return {
    record,
    secrets,
    secretsFor: secrets === null ? null : grantKeyOf(record.email, record.host),
    inFlight: null,
    inFlightKind: null,
    timer: null,
    nextRefreshAt: null,
    jitterMs: 0,
    failedAttempts: 0,
    failingSince: null,
    retryAt: null,
    secretsUnreadable: false,
    removed: false,
  };
}

/** One grant is one e-mail (any case) at one normalised host: the key for duplicates and for where secrets go. */
export function grantKeyOf(email: string, host: string): string {
  return `${email.trim().toLowerCase()} ${host}`;
}

/**
 * The stored access token may no longer be handed out: a refresh was sent and its answer was not stored (refused,
 * lost, unusable), so a rotating server may already have revoked it. Handed out again only once a new one arrives.
 */
export function accessTokenWithdrawn(record: AccountRecord): boolean {
  return record.refreshSentAt !== null;
}

export function statusOf(state: AccountState): AccountStatus {
  if (state.secretsUnreadable) return 'secrets-unreadable';
  if (state.record.needsExchangeToken) return 'needs-exchange-token';
  if (state.inFlight) return 'refreshing';
  if (state.record.autoRefresh && state.failingSince !== null) return 'retrying';
  if (!state.record.autoRefresh) return 'auto-refresh-off';
  return 'ready';
}

export function summaryOf(state: AccountState): AccountSummary {
  const { record } = state;
  return {
    id: record.id,
    label: record.label,
    email: record.email,
    host: record.host,
    hostKind: hostKind(record.host),
    status: statusOf(state),
    autoRefresh: record.autoRefresh,
    // While a refresh is under way the old token still shows; once its answer is known lost, it is gone.
    accessExpiresAt: accessTokenWithdrawn(record) && state.inFlight === null ? null : record.accessExpiresAt,
    accessIssuedAt: record.accessIssuedAt,
    lastRefreshAt: record.lastRefreshAt,
    nextRefreshAt: state.nextRefreshAt,
    failingSince: state.failingSince,
    lastError: record.lastError,
    lastUsedAt: record.lastUsedAt,
    createdAt: record.createdAt,
  };
}
