import type { CommandName, ResponseErrorCode, ResultOf } from '../electron/core/command-line/protocol';
import { PROTOCOL_VERSION } from '../electron/core/command-line/protocol-constants';
import type { SessionFile } from '../electron/core/command-line/session-file';
import type { AccountStatus, ErrorCode } from '../electron/shared/account-summary';
import { array, boolean, firstOf, int, literal, nullable, number, object, oneOf, optional, partialRecord, positiveInt, present, record, string, url, type Reader } from './json-reader';

/**
 * What the CLI reads, mirroring the zod schemas it does not bundle: sessionFileSchema (session-file.ts), the
 * answers of protocol.ts and accountSummarySchema (electron/shared). tests/cli/cli-readers.test.ts proves each
 * reader accepts and returns exactly what its schema does, and that the lists below are the schemas' enums.
 */

/** accountStatusSchema.options, in that order (the order `status` prints). */
export const ACCOUNT_STATUSES = ['ready', 'refreshing', 'retrying', 'needs-exchange-token', 'auto-refresh-off', 'secrets-unreadable'] as const satisfies readonly AccountStatus[];

/** errorCodeSchema.options */
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
] as const satisfies readonly ErrorCode[];

/** protocolErrorCodeSchema.options */
export const PROTOCOL_ERROR_CODES = ['unauthorized', 'bad-request', 'unsupported-version', 'request-too-large', 'account-not-allowed'] as const satisfies readonly ResponseErrorCode[];

export const readErrorCode: Reader<ErrorCode> = oneOf(ERROR_CODES);

export const readSessionFile: Reader<SessionFile> = object({
  v: positiveInt,
  socket: string({ min: 1 }),
  secret: string({ pattern: /^[0-9a-f]{64}$/u }),
  pid: int,
});

const readAppError = object({
  code: readErrorCode,
  message: string(),
  field: optional(string()),
  params: optional(record(firstOf(string(), number))),
});

export const readAccountSummary = object({
  id: string(),
  label: string(),
  email: string(),
  host: string(),
  hostKind: oneOf(['production', 'legacy', 'custom']),
  status: oneOf(ACCOUNT_STATUSES),
  autoRefresh: boolean,
  accessExpiresAt: nullable(number),
  accessIssuedAt: nullable(number),
  lastRefreshAt: nullable(number),
  nextRefreshAt: nullable(number),
  failingSince: nullable(number),
  lastError: nullable(readAppError),
  lastUsedAt: nullable(number),
  createdAt: number,
});

/** versionRefusalSchema: the answer any version of the app gives a CLI of another protocol version. */
export const readVersionRefusal = object({
  id: string(),
  ok: literal(false),
  error: object({ code: literal('unsupported-version'), message: string({ max: 2000 }) }),
});

/** responseSchema */
export const readResponse = firstOf(
  object({ v: literal(PROTOCOL_VERSION), id: string(), ok: literal(true), result: present }),
  object({
    v: literal(PROTOCOL_VERSION),
    id: string(),
    ok: literal(false),
    error: object({ code: oneOf([...ERROR_CODES, ...PROTOCOL_ERROR_CODES]), message: string(), suggestions: optional(array(string())) }),
  }),
);

/** resultSchemas */
export const resultReaders: { [C in CommandName]: Reader<ResultOf<C>> } = {
  list: object({ accounts: array(readAccountSummary) }),
  get: object({ accessToken: string({ min: 1 }), expiresAt: number, account: object({ label: string(), email: string(), host: string() }) }),
  refresh: object({ account: readAccountSummary }),
  'refresh-all': object({
    refreshed: number,
    skipped: number,
    failed: array(object({ id: string(), label: string(), code: string(), message: string() })),
  }),
  status: object({ appVersion: string(), vault: oneOf(['open', 'locked', 'setup', 'damaged']), accounts: number, byStatus: partialRecord(ACCOUNT_STATUSES, number) }),
  url: object({ url, account: object({ label: string() }) }),
};
