import { z } from 'zod';

/** What the UI, the tray and the CLI may know about an account. Never a secret. */

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
  'gateway-unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  field: z.string().optional(),
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
  accessExpiresAt: z.number().nullable(),
  /** Wall-clock ms when the current access token was issued (for the lifetime bar). */
  accessIssuedAt: z.number().nullable(),
  lastRefreshAt: z.number().nullable(),
  nextRefreshAt: z.number().nullable(),
  /** Since when token requests have been failing (transient); null when the last one succeeded. */
  failingSince: z.number().nullable(),
  lastError: appErrorSchema.nullable(),
  lastUsedAt: z.number().nullable(),
  createdAt: z.number(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;
