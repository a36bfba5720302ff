import type { AccountRecord, AccountSecrets } from '../tokens/account-storage';

/** The secret fields, each sealed on its own. */
export const SECRET_FIELDS = ['exchangeToken', 'refreshToken', 'accessToken'] as const satisfies readonly (keyof AccountSecrets)[];
export type SecretField = (typeof SECRET_FIELDS)[number];
export type SealedSecrets = Record<SecretField, string>;

/**
 * One account as the open vault holds it: its record with its sealed secrets, or, when what the file held for it
 * failed authentication, the record the file claimed (shown, never trusted) and why. A tampered account's secrets
 * are never handed out, so the lifecycle cannot send them anywhere.
 */
export type AccountSlot =
  | { kind: 'sealed'; record: AccountRecord; sealed: SealedSecrets }
  | { kind: 'tampered'; record: AccountRecord; reason: string };

/** What a tampered account claims to be, for the list: only the fields a person recognises it by. */
export interface ClaimedAccount {
  label: string;
  email: string;
  host: string;
  createdAt: number;
}

export const TAMPERED_REASON = 'its entry in the vault file was changed outside the app and failed authentication';

/**
 * The record the list shows for a tampered account: what the file claimed, with no token timing, so the
 * lifecycle looks at it at once, finds its secrets refused and flags it ('secrets-unreadable').
 */
export function tamperedRecord(id: string, claimed: ClaimedAccount): AccountRecord {
  return {
    id,
    label: claimed.label,
    email: claimed.email,
    host: claimed.host,
    autoRefresh: true,
    createdAt: claimed.createdAt,
    lastUsedAt: null,
    accessIssuedAt: null,
    accessExpiresAt: null,
    lastRefreshAt: null,
    needsExchangeToken: false,
    refreshSentAt: null,
    lastError: { code: 'secrets-unreadable', message: `This account's stored data was changed outside the app; its tokens will not be used. Remove it and add it again.` },
  };
}

/** What a damaged entry still tells about its account, each field only when it has the right type. */
export function claimedFrom(value: unknown, fallbackLabel: string): ClaimedAccount {
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (field: string, fallback: string): string => (typeof object[field] === 'string' ? (object[field]).slice(0, 200) : fallback);
  return {
    label: text('label', fallbackLabel),
    email: text('email', ''),
    host: text('host', ''),
    createdAt: typeof object.createdAt === 'number' && Number.isFinite(object.createdAt) ? object.createdAt : 0,
  };
}
