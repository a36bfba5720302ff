import type { AccountPatchInput, NewAccountInput } from '../../shared/account-input';
import type { AccountSummary } from '../../shared/account-summary';

/** A batch of account changes: summaries of accounts added or changed, ids of accounts removed. */
export interface AccountsChange {
  changed: AccountSummary[];
  removed: string[];
}

/** Something a person should be told about, e.g. by a notification. */
export type AttentionEvent =
  | { kind: 'needs-exchange-token'; account: AccountSummary }
  | { kind: 'secrets-unreadable'; account: AccountSummary };

export interface FreshAccessToken {
  accessToken: string;
  /** Wall-clock ms. */
  expiresAt: number;
  account: AccountSummary;
}

export interface RefreshAllReport {
  refreshed: number;
  failed: { id: string; label: string; code: string; message: string }[];
  skipped: number;
}

export interface LifecycleSettings {
  /** Fixed refresh lead in seconds, or null for the default: 10% of the lifetime bounded to [30 s, 5 min]. */
  refreshLeadSeconds: number | null;
  /**
   * Tokens may go to https addresses other than the Winbooks bases and loopback (host-policy.ts). Off by default;
   * main turns it on only after the user confirmed it in a dialog main owns.
   */
  allowOtherHosts: boolean;
}

/**
 * The token lifecycle as the rest of the app uses it. Every method that can fail rejects with an AppError
 * (code + plain message); none ever hands out a secret except getFreshAccessToken.
 */
export interface TokenLifecycleApi {
  list(): AccountSummary[];
  get(id: string): AccountSummary;
  add(input: NewAccountInput): Promise<AccountSummary>;
  update(id: string, patch: AccountPatchInput): Promise<AccountSummary>;
  replaceExchangeToken(id: string, exchangeToken: string): Promise<AccountSummary>;
  remove(id: string): Promise<void>;
  refresh(id: string): Promise<AccountSummary>;
  refreshAll(): Promise<RefreshAllReport>;
  /** An access token valid at least minValiditySeconds from now, refreshing first when needed. */
  getFreshAccessToken(id: string, minValiditySeconds: number): Promise<FreshAccessToken>;
  /** Re-reads every account from storage (after a backup import changed it underneath). */
  reload(): Promise<void>;
  /** Recomputes every schedule from wall-clock expiry (after sleep, resume, unlock, clock change). */
  resync(): void;
  configure(settings: Partial<LifecycleSettings>): void;
  onChange(listener: (change: AccountsChange) => void): () => void;
  onAttention(listener: (event: AttentionEvent) => void): () => void;
}
