import { z } from 'zod';
import { seal } from './secret-box';
import type { WrappedKey } from './key-protection';
import type { SecretField, StoredAccount, VaultDocument } from './vault-document';
import { CURRENT_VAULT_VERSION, VAULT_FORMAT, secretContext } from './vault-document';

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

/** The explicit migration step 0 -> 1: seal every token with the new data key, fill the fields v0 lacked. */
export function migrateV0ToV1(v0: V0Document, dataKey: Buffer, wrappedKey: WrappedKey): VaultDocument {
  const accounts: StoredAccount[] = Object.entries(v0.accounts).map(([id, old]) => {
    const sealField = (field: SecretField, value: string | null): string => seal(dataKey, JSON.stringify(value), secretContext(id, field));
    return {
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
      secrets: {
        exchangeToken: sealField('exchangeToken', old.exchangeToken),
        refreshToken: sealField('refreshToken', old.refreshToken),
        accessToken: sealField('accessToken', old.accessToken),
      },
    };
  });
  return { format: VAULT_FORMAT, version: CURRENT_VAULT_VERSION, key: wrappedKey, accounts };
}
