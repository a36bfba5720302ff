import type { AccountRecord, AccountSecrets } from '../tokens/account-storage';
import { SecretsUnreadableError } from '../tokens/account-storage';
import { AppError } from '../common/app-error';
import type { WrappedKey } from './key-protection';
import { SealBrokenError, open, seal } from './secret-box';
import type { SecretField, StoredAccount } from './vault-document';
import { CURRENT_VAULT_VERSION, SECRET_FIELDS, VAULT_FORMAT, recordOf, secretContext } from './vault-document';

/** The decrypted-on-demand contents of an open vault: the data key, the wrapped key and the stored accounts. */
export class VaultContents {
  readonly #accounts: Map<string, StoredAccount>;
  /** Each account's JSON, kept between saves: a save serialises only the accounts that changed. */
  readonly #json = new Map<string, string>();

  constructor(
    private readonly dataKey: Buffer,
    public wrappedKey: WrappedKey,
    accounts: readonly StoredAccount[],
  ) {
    this.#accounts = new Map(accounts.map((account) => [account.id, account]));
  }

  records(): AccountRecord[] {
    return [...this.#accounts.values()].map(recordOf);
  }

  has(id: string): boolean {
    return this.#accounts.has(id);
  }

  readSecrets(id: string): AccountSecrets {
    const stored = this.#accounts.get(id);
    if (stored === undefined) {
      throw new AppError('unknown-account', 'This account no longer exists; refresh the list.');
    }
    const exchangeToken = this.#openField(stored, 'exchangeToken');
    if (exchangeToken === null) throw new SecretsUnreadableError(id, 'its exchange token is missing');
    return { exchangeToken, refreshToken: this.#openField(stored, 'refreshToken'), accessToken: this.#openField(stored, 'accessToken') };
  }

  /** Whether the account's secrets decrypt (for export and import decisions). */
  secretsReadable(id: string): boolean {
    try {
      this.readSecrets(id);
      return true;
    } catch {
      return false;
    }
  }

  /** Puts the record; seals the secrets given (fresh nonce each), keeps the stored ones for fields left out. */
  put(record: AccountRecord, secrets: Partial<AccountSecrets> | undefined): void {
    const existing = this.#accounts.get(record.id);
    if (existing === undefined && (secrets?.exchangeToken === undefined || secrets.exchangeToken === '')) {
      throw new AppError('internal', `Account ${record.id} cannot be stored without its exchange token. This is a bug; please report it.`);
    }
    const sealed = { ...(existing?.secrets ?? { exchangeToken: '', refreshToken: '', accessToken: '' }) };
    for (const field of SECRET_FIELDS) {
      const value = secrets?.[field];
      if (value !== undefined) sealed[field] = this.#seal(record.id, field, value);
      else if (existing === undefined) sealed[field] = this.#seal(record.id, field, null);
    }
    this.#accounts.set(record.id, { ...recordOf(record), secrets: sealed });
    this.#json.delete(record.id);
  }

  delete(id: string): boolean {
    this.#json.delete(id);
    return this.#accounts.delete(id);
  }

  serialise(): string {
    const parts: string[] = [];
    for (const [id, account] of this.#accounts) {
      let json = this.#json.get(id);
      if (json === undefined) {
        json = JSON.stringify(account);
        this.#json.set(id, json);
      }
      parts.push(json);
    }
    const head = JSON.stringify({ format: VAULT_FORMAT, version: CURRENT_VAULT_VERSION, key: this.wrappedKey });
    return `${head.slice(0, -1)},"accounts":[\n${parts.join(',\n')}\n]}\n`;
  }

  /** A copy of the data key, to wrap it anew (the caller zeroes it after use). */
  copyOfDataKey(): Buffer {
    return Buffer.from(this.dataKey);
  }

  /** Forgets the key material held in memory. */
  destroy(): void {
    this.dataKey.fill(0);
    this.#accounts.clear();
  }

  #seal(id: string, field: SecretField, value: string | null): string {
    return seal(this.dataKey, JSON.stringify(value), secretContext(id, field));
  }

  #openField(stored: StoredAccount, field: SecretField): string | null {
    let text: string;
    try {
      text = open(this.dataKey, stored.secrets[field], secretContext(stored.id, field));
    } catch (error) {
      if (error instanceof SealBrokenError) {
        throw new SecretsUnreadableError(stored.id, `its ${fieldName(field)} failed authentication: the vault file was changed or damaged there`);
      }
      throw error;
    }
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value === 'string') return value;
    throw new SecretsUnreadableError(stored.id, `its ${fieldName(field)} has an unexpected shape`);
  }
}

function fieldName(field: SecretField): string {
  return { exchangeToken: 'exchange token', refreshToken: 'refresh token', accessToken: 'access token' }[field];
}
