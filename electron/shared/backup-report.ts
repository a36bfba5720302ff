import { z } from 'zod';

/**
 * What main tells the window after a backup export or import: where, how many, and for each account what
 * happened and why, as a reason code with parameters the window puts into words (EN / FR / NL).
 * Never a token, a passphrase or the backup's content.
 */

export const importReasonSchema = z.enum([
  /** added: not on this PC yet. */
  'new-account',
  /** updated: the backup's tokens are newer than this PC's. */
  'newer-tokens',
  /** updated: this PC's tokens were unreadable or needed a new exchange token; the backup's are usable. */
  'repairs-account',
  /** updated: the backup gives this account another host or e-mail (params from / to), confirmed by the user. */
  'address-changed',
  /** skipped: this PC's tokens are as recent as the backup's, or newer. */
  'local-is-newer',
  /** skipped: the backup changes this account's host or e-mail (params from / to) and the user did not accept it. */
  'address-change-declined',
  /** skipped: the backup holds this e-mail and host twice; only the first was taken. */
  'duplicate-in-backup',
  /** skipped: another account on this PC already has this e-mail and host (param existing). */
  'duplicate-of-existing',
  /** skipped: the host is not a Winbooks address and "other API addresses" is off (param host). */
  'host-not-allowed',
  /** skipped: a field is missing or invalid (param field). */
  'invalid-entry',
]);
export type ImportReason = z.infer<typeof importReasonSchema>;

export const importEntrySchema = z.object({
  label: z.string(),
  reason: importReasonSchema,
  params: z.record(z.string(), z.string()),
});
export type ImportEntry = z.infer<typeof importEntrySchema>;

export const backupImportReportSchema = z.object({
  added: z.array(importEntrySchema),
  updated: z.array(importEntrySchema),
  skipped: z.array(importEntrySchema),
});
export type BackupImportReport = z.infer<typeof backupImportReportSchema>;

/** The user closed one of main's dialogs: nothing was read, written or changed. */
const cancelled = z.object({ outcome: z.literal('cancelled') });

export const backupExportResultSchema = z.discriminatedUnion('outcome', [
  cancelled,
  z.object({
    outcome: z.literal('exported'),
    path: z.string(),
    accounts: z.number().int().nonnegative(),
    /** Accounts left out because their stored tokens cannot be decrypted (nothing usable to move). */
    unreadable: z.array(z.string()),
  }),
]);
export type BackupExportResult = z.infer<typeof backupExportResultSchema>;

export const backupImportResultSchema = z.discriminatedUnion('outcome', [
  cancelled,
  z.object({ outcome: z.literal('imported'), path: z.string() }).extend(backupImportReportSchema.shape),
]);
export type BackupImportResult = z.infer<typeof backupImportResultSchema>;
