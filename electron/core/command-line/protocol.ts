import * as z from 'zod/mini';
import { accountStatusSchema, accountSummarySchema, errorCodeSchema } from '../../shared/account-summary';
import { DEFAULT_MIN_VALID_SECONDS, MAX_MIN_VALID_SECONDS, PROTOCOL_ERROR_CODES, PROTOCOL_VERSION } from './protocol-constants';

/**
 * The winbooks-token protocol: one JSON line from the CLI, one JSON line back, then the connection ends.
 * The app validates with these schemas; the CLI, which must start about as fast as Node itself and so bundles
 * no zod, reads its answers with cli/answer-readers.ts, proven to accept and return exactly what these schemas do
 * (tests/cli/cli-readers.test.ts). Bump PROTOCOL_VERSION on any incompatible change.
 *
 * Version handshake: whatever PROTOCOL_VERSION becomes, three things never change, so that a CLI and an app of
 * different versions can still tell each other apart: the session file's {v, socket, secret} (any CLI can read it),
 * the request's {v, secret, id} and a refusal answer {id, ok: false, error: {code: 'unsupported-version', message}}
 * (any CLI can show it). The app refuses every request whose v it does not speak, before anything else.
 */

export { DEFAULT_MIN_VALID_SECONDS, MAX_MIN_VALID_SECONDS, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, PROTOCOL_VERSION } from './protocol-constants';

/** What the app tells a CLI that speaks another protocol version (shown by that CLI as is). */
export function unsupportedVersionMessage(requested: unknown): string {
  const theirs = typeof requested === 'number' && Number.isInteger(requested) ? `version ${requested}` : 'no version';
  return (
    `This winbooks-token speaks ${theirs} of the command-line protocol; the running Winbooks Token Manager speaks ` +
    `version ${PROTOCOL_VERSION}. Use the winbooks-token installed with the app: "winbooks-token --version" must print the app's version.`
  );
}

export const commandNameSchema = z.enum(['list', 'get', 'refresh', 'refresh-all', 'status', 'url']);
export type CommandName = z.infer<typeof commandNameSchema>;

const accountQuerySchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(320));

const envelope = {
  v: z.literal(PROTOCOL_VERSION),
  secret: z.string().check(z.maxLength(256)),
  id: z.string().check(z.minLength(1), z.maxLength(64)),
};

export const requestSchema = z.discriminatedUnion('command', [
  z.strictObject({ ...envelope, command: z.literal('list'), args: z.optional(z.strictObject({})) }),
  z.strictObject({ ...envelope, command: z.literal('status'), args: z.optional(z.strictObject({})) }),
  z.strictObject({ ...envelope, command: z.literal('refresh-all'), args: z.optional(z.strictObject({})) }),
  z.strictObject({
    ...envelope,
    command: z.literal('get'),
    args: z.strictObject({
      account: accountQuerySchema,
      minValidSeconds: z._default(z.int().check(z.minimum(0), z.maximum(MAX_MIN_VALID_SECONDS)), DEFAULT_MIN_VALID_SECONDS),
    }),
  }),
  z.strictObject({ ...envelope, command: z.literal('refresh'), args: z.strictObject({ account: accountQuerySchema }) }),
  z.strictObject({ ...envelope, command: z.literal('url'), args: z.strictObject({ account: accountQuerySchema }) }),
]);
export type CliRequest = z.input<typeof requestSchema>;
export type ParsedCliRequest = z.output<typeof requestSchema>;

/** Failures of the protocol itself, next to the app's own error codes. */
export const protocolErrorCodeSchema = z.enum(PROTOCOL_ERROR_CODES);
export const responseErrorCodeSchema = z.union([errorCodeSchema, protocolErrorCodeSchema]);
export type ResponseErrorCode = z.infer<typeof responseErrorCodeSchema>;

export const responseErrorSchema = z.object({
  code: responseErrorCodeSchema,
  message: z.string(),
  suggestions: z.optional(z.array(z.string())),
});
export type ResponseError = z.infer<typeof responseErrorSchema>;

export const vaultStateNameSchema = z.enum(['open', 'locked', 'setup', 'damaged']);

export const listResultSchema = z.object({ accounts: z.array(accountSummarySchema) });
export const getResultSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  expiresAt: z.number(),
  account: z.object({ label: z.string(), email: z.string(), host: z.string() }),
});
export const refreshResultSchema = z.object({ account: accountSummarySchema });
export const refreshAllResultSchema = z.object({
  refreshed: z.number(),
  skipped: z.number(),
  failed: z.array(z.object({ id: z.string(), label: z.string(), code: z.string(), message: z.string() })),
});
/** The account's local API gateway URL (issue 14): it holds the gateway key, so it goes to stdout only. */
export const urlResultSchema = z.object({ url: z.url(), account: z.object({ label: z.string() }) });
export const statusResultSchema = z.object({
  appVersion: z.string(),
  vault: vaultStateNameSchema,
  accounts: z.number(),
  byStatus: z.partialRecord(accountStatusSchema, z.number()),
});

export const resultSchemas = {
  list: listResultSchema,
  get: getResultSchema,
  refresh: refreshResultSchema,
  'refresh-all': refreshAllResultSchema,
  status: statusResultSchema,
  url: urlResultSchema,
} as const satisfies Record<CommandName, z.ZodMiniType>;
export type ResultOf<C extends CommandName> = z.infer<(typeof resultSchemas)[C]>;

/** The envelope of every answer; `result` is checked against resultSchemas[command] by the CLI. */
export const responseSchema = z.discriminatedUnion('ok', [
  z.object({ v: z.literal(PROTOCOL_VERSION), id: z.string(), ok: z.literal(true), result: z.unknown() }),
  z.object({ v: z.literal(PROTOCOL_VERSION), id: z.string(), ok: z.literal(false), error: responseErrorSchema }),
]);
export type CliResponse = z.infer<typeof responseSchema>;

/** The refusal any version of the app sends to a CLI of another protocol version (see the handshake above). */
export const versionRefusalSchema = z.object({
  id: z.string(),
  ok: z.literal(false),
  error: z.object({ code: z.literal('unsupported-version'), message: z.string().check(z.maxLength(2000)) }),
});
