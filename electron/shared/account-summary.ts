import * as z from 'zod/mini';
import { ACCOUNT_STATUSES, ERROR_CODES } from './account-codes';

/**
 * What the UI, the tray and the CLI may know about an account. Never a secret.
 * zod/mini (functional, tree-shaken): the winbooks-token command line bundles these schemas and must start fast.
 */

export const accountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** What an error is about (an account's label, a limit, a count): the words around them are chosen where they are shown. */
export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

/**
 * An error as it crosses a boundary: the code and params are what the UI words (EN/FR/NL); the message is an
 * English sentence for logs and for callers without a UI (the command line).
 */
export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  field: z.optional(z.string()),
  params: z.optional(errorParamsSchema),
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
