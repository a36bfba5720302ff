import { createHmac, timingSafeEqual } from 'node:crypto';
import { appErrorSchema } from '../../shared/account-summary';
import type { AccountRecord } from '../tokens/account-storage';
import type { ClaimedAccount, SealedSecrets, SecretField } from './account-slot';
import { SECRET_FIELDS, claimedFrom } from './account-slot';
import type { RunningMac } from './running-mac';
import type { VaultKeys } from './vault-keys';

/**
 * The lines of a version-2 vault file (see vault-format.md). Every line is `<body> <line mac> <chain tag>\n`:
 * - body: one JSON object (JSON escapes every control character, so a body never holds a raw newline);
 * - line mac: HMAC-SHA256 under the line key of `fileId "\n" body`, base64url: the line alone is authentic;
 * - chain tag: HMAC-SHA256 under the chain key of every byte of the file before this tag, base64url.
 */

export const VAULT_FORMAT = 'winbooks-token-manager-vault';
export const JOURNAL_VERSION = 2;
export const TAG_CHARS = 43;
const TRAILER_CHARS = 2 * TAG_CHARS + 2;
const SPACE = 0x20;

export interface LineParts {
  body: string;
  mac: string;
  chain: string;
}

export function splitLine(line: string): LineParts | null {
  const length = line.length;
  if (length < TRAILER_CHARS + 2 || line.charCodeAt(length - TAG_CHARS - 1) !== SPACE || line.charCodeAt(length - TRAILER_CHARS) !== SPACE) return null;
  return {
    body: line.slice(0, length - TRAILER_CHARS),
    mac: line.slice(length - TRAILER_CHARS + 1, length - TAG_CHARS - 1),
    chain: line.slice(length - TAG_CHARS),
  };
}

export function lineMac(keys: VaultKeys, fileId: string, body: string): string {
  return createHmac('sha256', keys.line).update(fileId).update('\n').update(body).digest('base64url');
}

export function sameTag(expected: Buffer, text: string): boolean {
  const given = Buffer.from(text, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function lineMacMatches(keys: VaultKeys, fileId: string, parts: LineParts): boolean {
  const expected = createHmac('sha256', keys.line).update(fileId).update('\n').update(parts.body).digest();
  return sameTag(expected, parts.mac);
}

/** One line for this body; advances `chain` over it. */
export function formatLine(body: string, keys: VaultKeys, fileId: string, chain: RunningMac): string {
  const head = `${body} ${lineMac(keys, fileId, body)} `;
  const tail = `${chain.update(head).tag().toString('base64url')}\n`;
  chain.update(tail);
  return head + tail;
}

export interface HeaderBody {
  s: 0;
  format: typeof VAULT_FORMAT;
  version: typeof JOURNAL_VERSION;
  fileId: string;
  /** The wrapped data key: its protection and, for a passphrase, the KDF and its parameters. */
  key: unknown;
}

export function headerBody(fileId: string, key: unknown): string {
  const header: HeaderBody = { s: 0, format: VAULT_FORMAT, version: JOURNAL_VERSION, fileId, key };
  return JSON.stringify(header);
}

/** The entries after the header. */
export type JournalEntry =
  | { kind: 'account'; seq: number; record: AccountRecord; secrets: Partial<SealedSecrets> }
  | { kind: 'removed'; seq: number; id: string }
  | { kind: 'tampered'; seq: number; id: string; claimed: ClaimedAccount; reason: string };

/** Field by field: a record read back from the file may carry the other keys of its line. */
export function accountBody(seq: number, record: AccountRecord, secrets: Partial<SealedSecrets>): string {
  const { id, label, email, host, autoRefresh, createdAt, lastUsedAt, accessIssuedAt, accessExpiresAt, lastRefreshAt, needsExchangeToken, refreshSentAt, lastError } = record;
  return JSON.stringify({ s: seq, id, label, email, host, autoRefresh, createdAt, lastUsedAt, accessIssuedAt, accessExpiresAt, lastRefreshAt, needsExchangeToken, refreshSentAt, lastError, secrets });
}

export function removedBody(seq: number, id: string): string {
  return JSON.stringify({ s: seq, id, removed: true });
}

export function tamperedBody(seq: number, id: string, claimed: ClaimedAccount, reason: string): string {
  return JSON.stringify({ s: seq, id, tampered: claimed, reason });
}

type Fields = Record<string, unknown>;

function instant(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The parsed body itself once every record field is checked (no copy: opening 10,000 accounts allocates once per
 * line). It keeps the line's other keys; everything that hands a record out copies its fields one by one.
 */
function recordOfBody(body: Fields): AccountRecord | null {
  const { id, label, email, host, autoRefresh, createdAt, lastUsedAt, accessIssuedAt, accessExpiresAt, lastRefreshAt, needsExchangeToken, refreshSentAt, lastError } = body;
  if (typeof id !== 'string' || id === '' || typeof label !== 'string' || typeof email !== 'string' || typeof host !== 'string') return null;
  if (typeof autoRefresh !== 'boolean' || typeof needsExchangeToken !== 'boolean' || typeof createdAt !== 'number') return null;
  if (!instant(lastUsedAt) || !instant(accessIssuedAt) || !instant(accessExpiresAt) || !instant(lastRefreshAt) || !instant(refreshSentAt)) return null;
  if (lastError !== null && !appErrorSchema.safeParse(lastError).success) return null;
  return body as unknown as AccountRecord;
}

function sealedOfBody(value: unknown): Partial<SealedSecrets> | null {
  if (typeof value !== 'object' || value === null) return null;
  const given = value as Fields;
  for (const field of SECRET_FIELDS) {
    const sealed = given[field satisfies SecretField];
    if (sealed !== undefined && typeof sealed !== 'string') return null;
  }
  return given;
}

/** The entry a parsed body describes, or null when it has no known shape. Hand-checked: this runs per line at open. */
export function entryOf(value: unknown): JournalEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const body = value as Fields;
  const seq = body.s;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1 || typeof body.id !== 'string' || body.id === '') return null;
  if (body.removed === true) return { kind: 'removed', seq, id: body.id };
  if (body.tampered !== undefined) {
    return { kind: 'tampered', seq, id: body.id, claimed: claimedFrom(body.tampered, body.id), reason: typeof body.reason === 'string' ? body.reason : '' };
  }
  const record = recordOfBody(body);
  const secrets = sealedOfBody(body.secrets);
  if (record === null || secrets === null) return null;
  return { kind: 'account', seq, record, secrets };
}

/** The account id an unauthentic or broken line names, when it still names one. */
export function idNamedBy(line: string, parsed: unknown): string | null {
  if (typeof parsed === 'object' && parsed !== null && typeof (parsed as Fields).id === 'string' && (parsed as Fields).id !== '') return (parsed as Fields).id as string;
  const match = /"id":"((?:[^"\\]|\\.){1,200})"/u.exec(line);
  if (match?.[1] === undefined) return null;
  try {
    const id: unknown = JSON.parse(`"${match[1]}"`);
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}
