import type { CommandName, ResultOf } from '../electron/core/command-line/protocol';
import { PROTOCOL_ERROR_CODES, PROTOCOL_VERSION } from '../electron/core/command-line/protocol-constants';
import { ACCOUNT_STATUSES, ERROR_CODES } from '../electron/shared/account-codes';
import type { SessionFile } from '../electron/core/command-line/session-file';
import type { ErrorCode } from '../electron/shared/account-summary';
import { array, boolean, firstOf, int, literal, nullable, number, object, oneOf, optional, partialRecord, positiveInt, present, record, string, url, type Reader } from './json-reader';

/**
 * What the CLI reads, mirroring the zod schemas it does not bundle: sessionFileSchema (session-file.ts), the
 * answers of protocol.ts and accountSummarySchema (electron/shared). tests/cli/cli-readers.test.ts proves each
 * reader accepts and returns exactly what its schema does, and that the lists below are the schemas' enums.
 */



/** The lists are the schemas' own (electron/shared/account-codes.ts, protocol-constants.ts). */
export { ACCOUNT_STATUSES, ERROR_CODES, PROTOCOL_ERROR_CODES };

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
