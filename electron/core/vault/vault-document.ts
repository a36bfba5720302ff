import { z } from 'zod';
import { appErrorSchema } from '../../shared/account-summary';
import type { SecretField } from './account-slot';
import { wrappedKeySchema } from './key-protection';

/**
 * The vault file, format version 1 (read only, to migrate it): one JSON document rewritten whole on every save.
 * Metadata in clear and not authenticated; each secret sealed with the data key itself, its associated data
 * naming only its account id and field.
 *
 *   { format, version: 1, key: <wrapped data key>, accounts: [ { ...AccountRecord, secrets: { exchangeToken,
 *     refreshToken, accessToken } } ] }   // each secret: AES-256-GCM of JSON(string | null)
 */

export const V1_VAULT_FORMAT = 'winbooks-token-manager-vault';

const nullableInstant = z.number().nullable();

export const v1AccountSchema = z.object({
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
  secrets: z.object({ exchangeToken: z.string(), refreshToken: z.string(), accessToken: z.string() }),
});
export type V1Account = z.infer<typeof v1AccountSchema>;

export const v1DocumentSchema = z.object({
  format: z.literal(V1_VAULT_FORMAT),
  version: z.literal(1),
  key: wrappedKeySchema,
  accounts: z.array(v1AccountSchema),
});
export type V1Document = z.infer<typeof v1DocumentSchema>;

/** Version 1's associated data of one secret. */
export function v1SecretContext(accountId: string, field: SecretField): string {
  return `${V1_VAULT_FORMAT}:v1|account=${accountId}|field=${field}`;
}
