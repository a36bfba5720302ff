/**
 * The closed lists of account statuses and error codes, without zod: account-summary.ts builds its schemas from
 * them, and the command line (which bundles no zod) reads its answers against the same lists.
 */

/** In this order `winbooks-token status` counts them. */
export const ACCOUNT_STATUSES = ['ready', 'refreshing', 'retrying', 'needs-exchange-token', 'auto-refresh-off', 'secrets-unreadable'] as const;

export const ERROR_CODES = [
  'invalid-input',
  'duplicate-label',
  'duplicate-account',
  'host-not-allowed',
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
] as const;
