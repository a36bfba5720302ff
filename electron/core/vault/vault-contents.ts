import type { AccountRecord, AccountSecrets } from '../tokens/account-storage';
import { SecretsUnreadableError } from '../tokens/account-storage';
import { AppError } from '../common/app-error';
import type { AccountSlot, SecretField } from './account-slot';
import { SECRET_FIELDS } from './account-slot';
import type { WrappedKey } from './key-protection';
import { openAll, openSecret, sealAll, sealSecret } from './sealed-secrets';
import type { VaultKeys } from './vault-keys';
import { deriveVaultKeys, destroyVaultKeys } from './vault-keys';

/** What changed for one account since the last write: its record and these secret fields, or its removal. */
export type Change = { id: string; kind: 'put'; fields: ReadonlySet<SecretField> } | { id: string; kind: 'removed' };

const NO_FIELDS: ReadonlySet<SecretField> = new Set();
const ALL_FIELDS: ReadonlySet<SecretField> = new Set(SECRET_FIELDS);

/**
 * The open vault in memory: the data key and its subkeys, the wrapped key, every account (records in clear,
 * secrets sealed until read) and what changed since the last write. Pure memory: VaultJournal writes it.
 */
export class VaultContents {
  #dataKey: Buffer;
  #keys: VaultKeys;
  #slots: Map<string, AccountSlot>;
  #changes = new Map<string, Change>();

  constructor(
    dataKey: Buffer,
    public wrappedKey: WrappedKey,
    slots: Map<string, AccountSlot>,
  ) {
    this.#dataKey = dataKey;
    this.#keys = deriveVaultKeys(dataKey);
    this.#slots = slots;
  }

  get keys(): VaultKeys {
    return this.#keys;
  }

  get size(): number {
    return this.#slots.size;
  }

  slots(): IterableIterator<[string, AccountSlot]> {
    return this.#slots.entries();
  }

  slot(id: string): AccountSlot | undefined {
    return this.#slots.get(id);
  }

  records(): AccountRecord[] {
    const records: AccountRecord[] = [];
    for (const slot of this.#slots.values()) records.push(recordOf(slot.record));
    return records;
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /** Rejected for a tampered account, whatever the caller wants them for: its secrets are never handed out. */
  readSecrets(id: string): AccountSecrets {
    const slot = this.#slots.get(id);
    if (slot === undefined) throw new AppError('unknown-account', 'This account no longer exists; refresh the list.');
    if (slot.kind === 'tampered') throw new SecretsUnreadableError(id, slot.reason);
    const owner = slot.record;
    const exchangeToken = openSecret(this.#keys, owner, 'exchangeToken', slot.sealed.exchangeToken);
    if (exchangeToken === null) throw new SecretsUnreadableError(id, 'its exchange token is missing');
    return {
      exchangeToken,
      refreshToken: openSecret(this.#keys, owner, 'refreshToken', slot.sealed.refreshToken),
      accessToken: openSecret(this.#keys, owner, 'accessToken', slot.sealed.accessToken),
    };
  }

  /**
   * Puts the record and seals the secrets given; fields left out keep their stored value (sealed again only when
   * the account's e-mail or host changed, as they are bound to it). A tampered account changes only when every
   * secret is given anew: nothing of what the file held for it is ever carried into an authentic entry.
   */
  put(record: AccountRecord, secrets: Partial<AccountSecrets> | undefined): void {
    const existing = this.#slots.get(record.id);
    const given = SECRET_FIELDS.filter((field) => secrets?.[field] !== undefined);
    const replacesAll = given.length === SECRET_FIELDS.length;
    if (existing?.kind === 'tampered' && !replacesAll) return;
    if (existing === undefined && (secrets?.exchangeToken === undefined || secrets.exchangeToken === '')) {
      throw new AppError('internal', `Account ${record.id} cannot be stored without its exchange token. This is a bug; please report it.`);
    }
    const copy = recordOf(record);
    let sealed;
    let fields: ReadonlySet<SecretField>;
    if (existing?.kind !== 'sealed' || replacesAll) {
      sealed = sealAll(this.#keys, copy, {
        exchangeToken: secrets?.exchangeToken ?? null,
        refreshToken: secrets?.refreshToken ?? null,
        accessToken: secrets?.accessToken ?? null,
      });
      fields = ALL_FIELDS;
    } else if (existing.record.email !== copy.email || existing.record.host !== copy.host) {
      const kept = openAll(this.#keys, existing.record, existing.sealed);
      sealed = sealAll(this.#keys, copy, { ...kept, ...pick(secrets, given) });
      fields = ALL_FIELDS;
    } else {
      sealed = { ...existing.sealed };
      for (const field of given) sealed[field] = sealSecret(this.#keys, copy, field, secrets?.[field] ?? null);
      fields = given.length === 0 ? NO_FIELDS : new Set(given);
    }
    this.#slots.set(record.id, { kind: 'sealed', record: copy, sealed });
    const pending = this.#changes.get(record.id);
    const merged = pending?.kind === 'put' ? union(pending.fields, fields) : pending?.kind === 'removed' ? ALL_FIELDS : fields;
    this.#changes.set(record.id, { id: record.id, kind: 'put', fields: merged });
  }

  delete(id: string): boolean {
    if (!this.#slots.delete(id)) return false;
    this.#changes.set(id, { id, kind: 'removed' });
    return true;
  }

  get hasChanges(): boolean {
    return this.#changes.size > 0;
  }

  get hasRemovals(): boolean {
    for (const change of this.#changes.values()) if (change.kind === 'removed') return true;
    return false;
  }

  /** The changes to write now; the caller gives them back with restoreChanges when the write fails. */
  takeChanges(): Change[] {
    const changes = [...this.#changes.values()];
    this.#changes = new Map();
    return changes;
  }

  /** A failed write's changes become pending again, under any made since (those are newer). */
  restoreChanges(changes: readonly Change[]): void {
    const later = this.#changes;
    this.#changes = new Map(changes.map((change) => [change.id, change]));
    for (const [id, change] of later) {
      const earlier = this.#changes.get(id);
      this.#changes.set(id, earlier?.kind === 'put' && change.kind === 'put' ? { ...change, fields: union(earlier.fields, change.fields) } : change);
    }
  }

  /** Every account sealed again under new keys (a re-key); tampered accounts stay as they are. Pure: nothing changes here. */
  resealedUnder(keys: VaultKeys): Map<string, AccountSlot> {
    const next = new Map<string, AccountSlot>();
    for (const [id, slot] of this.#slots) next.set(id, this.#resealed(slot, keys));
    return next;
  }

  /**
   * Adopts the key and accounts of a finished re-key. Accounts changed while it was written (sealed under the old
   * key) are sealed again under the new one and stay pending.
   */
  adoptKey(dataKey: Buffer, keys: VaultKeys, wrappedKey: WrappedKey, slots: Map<string, AccountSlot>): void {
    for (const id of this.#changes.keys()) {
      const current = this.#slots.get(id);
      if (current === undefined) slots.delete(id);
      else slots.set(id, this.#resealed(current, keys));
    }
    destroyVaultKeys(this.#keys);
    this.#dataKey.fill(0);
    this.#dataKey = dataKey;
    this.#keys = keys;
    this.#slots = slots;
    this.wrappedKey = wrappedKey;
  }

  /** A copy of the data key, to wrap it anew (the caller zeroes it after use). */
  copyOfDataKey(): Buffer {
    return Buffer.from(this.#dataKey);
  }

  /** Forgets the key material and the accounts held in memory. */
  destroy(): void {
    this.#dataKey.fill(0);
    destroyVaultKeys(this.#keys);
    this.#slots.clear();
    this.#changes.clear();
  }

  #resealed(slot: AccountSlot, keys: VaultKeys): AccountSlot {
    if (slot.kind === 'tampered') return slot;
    try {
      return { kind: 'sealed', record: slot.record, sealed: sealAll(keys, slot.record, openAll(this.#keys, slot.record, slot.sealed)) };
    } catch (error) {
      if (!(error instanceof SecretsUnreadableError)) throw error;
      return { kind: 'tampered', record: slot.record, reason: error.message };
    }
  }
}

function pick(secrets: Partial<AccountSecrets> | undefined, fields: readonly SecretField[]): Partial<Record<SecretField, string | null>> {
  const picked: Partial<Record<SecretField, string | null>> = {};
  for (const field of fields) picked[field] = secrets?.[field] ?? null;
  return picked;
}

function union(a: ReadonlySet<SecretField>, b: ReadonlySet<SecretField>): ReadonlySet<SecretField> {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  return new Set([...a, ...b]);
}

/** A copy of the record alone, field by field: an object literal of one shape is cheapest for 10,000 accounts. */
export function recordOf(stored: AccountRecord): AccountRecord {
  return {
    id: stored.id,
    label: stored.label,
    email: stored.email,
    host: stored.host,
    autoRefresh: stored.autoRefresh,
    createdAt: stored.createdAt,
    lastUsedAt: stored.lastUsedAt,
    accessIssuedAt: stored.accessIssuedAt,
    accessExpiresAt: stored.accessExpiresAt,
    lastRefreshAt: stored.lastRefreshAt,
    needsExchangeToken: stored.needsExchangeToken,
    refreshSentAt: stored.refreshSentAt,
    lastError: stored.lastError === null ? null : { ...stored.lastError },
  };
}
