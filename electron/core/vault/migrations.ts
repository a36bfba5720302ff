import { z } from 'zod';
import { SecretsUnreadableError } from '../tokens/account-storage';
import type { AccountRecord } from '../tokens/account-storage';
import type { AccountSlot, SecretField } from './account-slot';
import { SECRET_FIELDS, tamperedRecord } from './account-slot';
import { sealAll } from './sealed-secrets';
import { SealBrokenError, open } from './secret-box';
import type { V1Account, V1Document } from './vault-document';
import { v1SecretContext } from './vault-document';
import { recordOf } from './vault-contents';
import type { VaultKeys } from './vault-keys';

/**
 * Version 0: the first prototype's layout, a plain JSON file with no version field, accounts keyed by id and
 * tokens in clear. It can only be migrated once a key exists, i.e. when the user chooses the protection.
 *
 *   { "accounts": { "<id>": { label, email, host, exchangeToken, refreshToken, accessToken, accessExpiresAt, createdAt } } }
 */
const v0AccountSchema = z.object({
  label: z.string(),
  email: z.string(),
  host: z.string(),
  exchangeToken: z.string().min(1),
  refreshToken: z.string().nullable(),
  accessToken: z.string().nullable(),
  accessExpiresAt: z.number().nullable(),
  createdAt: z.number(),
});

export const v0DocumentSchema = z.object({ accounts: z.record(z.string().min(1), v0AccountSchema) }).strict();
export type V0Document = z.infer<typeof v0DocumentSchema>;

/** Step 0 -> 2: seal every token under the new keys, fill the fields v0 lacked. */
export function migrateV0(v0: V0Document, keys: VaultKeys): Map<string, AccountSlot> {
  const slots = new Map<string, AccountSlot>();
  for (const [id, old] of Object.entries(v0.accounts)) {
    const record: AccountRecord = {
      id,
      label: old.label,
      email: old.email,
      host: old.host,
      autoRefresh: true,
      createdAt: old.createdAt,
      lastUsedAt: null,
      accessIssuedAt: null,
      accessExpiresAt: old.accessExpiresAt,
      lastRefreshAt: null,
      needsExchangeToken: false,
      refreshSentAt: null,
      lastError: null,
    };
    slots.set(id, { kind: 'sealed', record, sealed: sealAll(keys, record, old) });
  }
  return slots;
}

/**
 * Step 1 -> 2, on the first unlock: each secret opened with version 1's context and sealed again bound to its
 * account's id, e-mail and host. Version 1 never authenticated the metadata, so what the file says is taken as
 * it is, once; an account whose secrets fail version 1's authentication is carried over flagged as tampered.
 */
export function migrateV1(document: V1Document, dataKey: Buffer, keys: VaultKeys): Map<string, AccountSlot> {
  const slots = new Map<string, AccountSlot>();
  for (const account of document.accounts) {
    const record = recordOf(account);
    try {
      slots.set(account.id, { kind: 'sealed', record, sealed: sealAll(keys, record, openV1Secrets(account, dataKey)) });
    } catch (error) {
      if (!(error instanceof SecretsUnreadableError)) throw error;
      const { label, email, host, createdAt } = record;
      slots.set(account.id, { kind: 'tampered', record: tamperedRecord(account.id, { label, email, host, createdAt }), reason: error.message });
    }
  }
  return slots;
}

function openV1Secrets(account: V1Account, dataKey: Buffer): Record<SecretField, string | null> {
  const plain = { exchangeToken: null, refreshToken: null, accessToken: null } as Record<SecretField, string | null>;
  for (const field of SECRET_FIELDS) {
    let text: string;
    try {
      text = open(dataKey, account.secrets[field], v1SecretContext(account.id, field));
    } catch (error) {
      if (error instanceof SealBrokenError) throw new SecretsUnreadableError(account.id, `its ${field} failed authentication`);
      throw error;
    }
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value !== 'string') throw new SecretsUnreadableError(account.id, `its ${field} has an unexpected shape`);
    plain[field] = value;
  }
  return plain;
}
