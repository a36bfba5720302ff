import { z } from 'zod';
import { appErrorSchema } from '../../shared/account-summary';
import type { AccountRecord, AccountSecrets } from '../tokens/account-storage';
import { wrappedKeySchema } from './key-protection';

/**
 * The vault file, format version 1. Metadata is in clear so the list shows without decrypting anything;
 * each secret is sealed on its own (see secret-box.ts) with associated data naming its account and field.
 *
 *   { format, version: 1, key: <wrapped data key>, accounts: [ { ...AccountRecord, secrets: { exchangeToken,
 *     refreshToken, accessToken } } ] }   // each secret: AES-256-GCM of JSON(string | null)
 */

export const VAULT_FORMAT = 'winbooks-token-manager-vault';
export const CURRENT_VAULT_VERSION = 1;

export const SECRET_FIELDS = ['exchangeToken', 'refreshToken', 'accessToken'] as const satisfies readonly (keyof AccountSecrets)[];
export type SecretField = (typeof SECRET_FIELDS)[number];

const nullableInstant = z.number().nullable();

export const storedAccountSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  email: z.string(),
  host: z.string(),
  autoRefresh: z.boolean(),
  createdAt: z.number(),
  lastUsedAt: nullableInstant,
  accessIssuedAt: nullableInstant,
  accessExpiresAt: nullableInstant,
  lastRefreshAt: nullableInstant,
  needsExchangeToken: z.boolean(),
  refreshSentAt: nullableInstant.default(null),
  lastError: z.nullable(appErrorSchema),
  /** Sealed values; their content is checked only when decrypted, so one damaged account does not hide the others. */
  secrets: z.object({ exchangeToken: z.string(), refreshToken: z.string(), accessToken: z.string() }),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

export const vaultDocumentSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(CURRENT_VAULT_VERSION),
  key: wrappedKeySchema,
  accounts: z.array(storedAccountSchema),
});
export type VaultDocument = z.infer<typeof vaultDocumentSchema>;

/** The associated data of one secret: moving its ciphertext to another account or field breaks authentication. */
export function secretContext(accountId: string, field: SecretField): string {
  return `${VAULT_FORMAT}:v${CURRENT_VAULT_VERSION}|account=${accountId}|field=${field}`;
}

/**
 * A copy of the record alone (a stored account's sealed secrets or any other extra field left behind).
 * Field by field: an object literal of one shape is cheapest for 1,000 accounts.
 */
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

export function serialiseVault(document: VaultDocument): string {
  return `${JSON.stringify(document, null, 1)}\n`;
}
