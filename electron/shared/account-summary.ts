import * as z from 'zod/mini';

/**
 * What the UI, the tray and the CLI may know about an account. Never a secret.
 * zod/mini (functional, tree-shaken): the winbooks-token command line bundles these schemas and must start fast.
 */

export const accountStatusSchema = z.enum([
  'ready',
  'refreshing',
  'retrying',
  'needs-exchange-token',
  'auto-refresh-off',
  'secrets-unreadable',
]);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const errorCodeSchema = z.enum([
  'invalid-input',
  'duplicate-label',
  'unknown-account',
  'grant-rejected',
  'refresh-rejected',
  'winbooks-unreachable',
  'winbooks-bad-response',
  'needs-exchange-token',
  'secrets-unreadable',
  'vault-locked',
  'storage-failed',
  'auto-refresh-off',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  field: z.optional(z.string()),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export const accountSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  email: z.string(),
  host: z.string(),
  hostKind: z.enum(['production', 'legacy', 'custom']),
  status: accountStatusSchema,
  autoRefresh: z.boolean(),
  /** Wall-clock ms when the current access token expires; null when there is none. */
  accessExpiresAt: z.nullable(z.number()),
  /** Wall-clock ms when the current access token was issued (for the lifetime bar). */
  accessIssuedAt: z.nullable(z.number()),
  lastRefreshAt: z.nullable(z.number()),
  nextRefreshAt: z.nullable(z.number()),
  /** Since when token requests have been failing (transient); null when the last one succeeded. */
  failingSince: z.nullable(z.number()),
  lastError: z.nullable(appErrorSchema),
  lastUsedAt: z.nullable(z.number()),
  createdAt: z.number(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;
