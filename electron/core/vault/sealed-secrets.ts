import type { AccountRecord } from '../tokens/account-storage';
import { SecretsUnreadableError } from '../tokens/account-storage';
import type { SealedSecrets, SecretField } from './account-slot';
import { SECRET_FIELDS } from './account-slot';
import { JOURNAL_VERSION, VAULT_FORMAT } from './journal-lines';
import { SealBrokenError, open, seal } from './secret-box';
import type { VaultKeys } from './vault-keys';

/** Who a secret belongs to: the associated data binds it to its account's id, e-mail and host, and its field. */
type Owner = Pick<AccountRecord, 'id' | 'email' | 'host'>;

/**
 * The associated data of one secret. A sealed value copied to another account, another field, or left under an
 * account whose e-mail or host was edited in the file does not decrypt: a token can only be read for the grant
 * (e-mail + host) it was stored for.
 */
export function secretContext(owner: Owner, field: SecretField): string {
  return JSON.stringify([VAULT_FORMAT, JOURNAL_VERSION, owner.id, owner.email, owner.host, field]);
}

export function sealSecret(keys: VaultKeys, owner: Owner, field: SecretField, value: string | null): string {
  return seal(keys.seal, JSON.stringify(value), secretContext(owner, field));
}

export function fieldName(field: SecretField): string {
  return { exchangeToken: 'exchange token', refreshToken: 'refresh token', accessToken: 'access token' }[field];
}

export function openSecret(keys: VaultKeys, owner: Owner, field: SecretField, sealed: string): string | null {
  let text: string;
  try {
    text = open(keys.seal, sealed, secretContext(owner, field));
  } catch (error) {
    if (error instanceof SealBrokenError) {
      throw new SecretsUnreadableError(owner.id, `its ${fieldName(field)} failed authentication: the vault file was changed or damaged there`);
    }
    throw error;
  }
  // Sealed values are JSON of a string or null; anything else cannot have been written by this app.
  if (text === 'null') return null;
  const value: unknown = JSON.parse(text);
  if (typeof value === 'string') return value;
  throw new SecretsUnreadableError(owner.id, `its ${fieldName(field)} has an unexpected shape`);
}

/** Every secret of an account, sealed for this owner. */
export function sealAll(keys: VaultKeys, owner: Owner, secrets: Record<SecretField, string | null>): SealedSecrets {
  return {
    exchangeToken: sealSecret(keys, owner, 'exchangeToken', secrets.exchangeToken),
    refreshToken: sealSecret(keys, owner, 'refreshToken', secrets.refreshToken),
    accessToken: sealSecret(keys, owner, 'accessToken', secrets.accessToken),
  };
}

/** Opens every secret (to seal them again for a new owner or under a new key). */
export function openAll(keys: VaultKeys, owner: Owner, sealed: SealedSecrets): Record<SecretField, string | null> {
  const plain = { exchangeToken: null, refreshToken: null, accessToken: null } as Record<SecretField, string | null>;
  for (const field of SECRET_FIELDS) plain[field] = openSecret(keys, owner, field, sealed[field]);
  return plain;
}
