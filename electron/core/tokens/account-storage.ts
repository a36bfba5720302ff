import type { AppErrorShape } from '../../shared/account-summary';

/**
 * The storage port of the lifecycle. The vault implements it (encrypted, durable); tests may use the
 * in-memory one. Records are readable without decrypting anything; secrets are read only when used.
 */

export interface AccountRecord {
  id: string;
  label: string;
  email: string;
  host: string;
  autoRefresh: boolean;
  createdAt: number;
  lastUsedAt: number | null;
  accessIssuedAt: number | null;
  accessExpiresAt: number | null;
  lastRefreshAt: number | null;
  /** Both the refresh token and the exchange token were refused: only the user can fix it. */
  needsExchangeToken: boolean;
  /**
   * Set, and durable, before a refresh token is sent; cleared when the answer is stored. Found set at start or
   * after an unclear outcome, the account exchanges again instead of sending that refresh token a second time.
   */
  refreshSentAt: number | null;
  lastError: AppErrorShape | null;
}

export interface AccountSecrets {
  exchangeToken: string;
  refreshToken: string | null;
  accessToken: string | null;
}

export interface AccountStorage {
  /** Every account's metadata, without decrypting a secret. */
  loadRecords(): Promise<AccountRecord[]>;
  /** Decrypts one account's secrets. Rejects with SecretsUnreadableError when they fail authentication. */
  readSecrets(id: string): Promise<AccountSecrets>;
  /**
   * Saves the record and, when given, the secrets (fields left out keep their stored value).
   * Changes apply in call order: a later save never loses to an earlier one.
   * Resolves only once the change is durable on disk.
   */
  save(record: AccountRecord, secrets?: Partial<AccountSecrets>): Promise<void>;
  /** Removes the account and its secrets; durable when it resolves. */
  remove(id: string): Promise<void>;
  /** Resolves when every change accepted so far is durable. */
  flush(): Promise<void>;
}

/** Thrown by readSecrets when an account's ciphertext fails authentication (tampered or corrupt). */
export class SecretsUnreadableError extends Error {
  override readonly name = 'SecretsUnreadableError';
  constructor(readonly accountId: string, detail: string) {
    super(`The stored secrets of account ${accountId} cannot be decrypted (${detail}).`);
  }
}
