import { z } from 'zod';
import { accountStatusSchema, accountSummarySchema, errorCodeSchema } from '../../shared/account-summary';

/**
 * The winbooks-token protocol: one JSON line from the CLI, one JSON line back, then the connection ends.
 * Both sides validate with these schemas; bump PROTOCOL_VERSION on any incompatible change.
 */

export const PROTOCOL_VERSION = 1;
/** A request is a few hundred bytes; anything beyond this is refused unread. */
export const MAX_REQUEST_BYTES = 16 * 1024;
/** A list of many accounts can be large; still bounded so a stray peer cannot fill the CLI's memory. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MIN_VALID_SECONDS = 120;
export const MAX_MIN_VALID_SECONDS = 24 * 60 * 60;

export const commandNameSchema = z.enum(['list', 'get', 'refresh', 'refresh-all', 'status', 'url']);
export type CommandName = z.infer<typeof commandNameSchema>;

const accountQuerySchema = z.string().trim().min(1).max(320);

const envelope = {
  v: z.literal(PROTOCOL_VERSION),
  secret: z.string().max(256),
  id: z.string().min(1).max(64),
};

export const requestSchema = z.discriminatedUnion('command', [
  z.object({ ...envelope, command: z.literal('list'), args: z.object({}).strict().optional() }).strict(),
  z.object({ ...envelope, command: z.literal('status'), args: z.object({}).strict().optional() }).strict(),
  z.object({ ...envelope, command: z.literal('refresh-all'), args: z.object({}).strict().optional() }).strict(),
  z
    .object({
      ...envelope,
      command: z.literal('get'),
      args: z
        .object({
          account: accountQuerySchema,
          minValidSeconds: z.number().int().min(0).max(MAX_MIN_VALID_SECONDS).default(DEFAULT_MIN_VALID_SECONDS),
        })
        .strict(),
    })
    .strict(),
  z.object({ ...envelope, command: z.literal('refresh'), args: z.object({ account: accountQuerySchema }).strict() }).strict(),
  z.object({ ...envelope, command: z.literal('url'), args: z.object({ account: accountQuerySchema }).strict() }).strict(),
]);
export type CliRequest = z.input<typeof requestSchema>;
export type ParsedCliRequest = z.output<typeof requestSchema>;

/** Failures of the protocol itself, next to the app's own error codes. */
export const protocolErrorCodeSchema = z.enum(['unauthorized', 'bad-request', 'unsupported-version', 'request-too-large']);
export const responseErrorCodeSchema = z.union([errorCodeSchema, protocolErrorCodeSchema]);
export type ResponseErrorCode = z.infer<typeof responseErrorCodeSchema>;

export const responseErrorSchema = z.object({
  code: responseErrorCodeSchema,
  message: z.string(),
  suggestions: z.array(z.string()).optional(),
});
export type ResponseError = z.infer<typeof responseErrorSchema>;

export const vaultStateNameSchema = z.enum(['open', 'locked', 'setup', 'damaged']);

export const listResultSchema = z.object({ accounts: z.array(accountSummarySchema) });
export const getResultSchema = z.object({
  accessToken: z.string().min(1),
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
export const urlResultSchema = z.object({ url: z.string().url(), account: z.object({ label: z.string() }) });
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
} as const satisfies Record<CommandName, z.ZodType>;
export type ResultOf<C extends CommandName> = z.infer<(typeof resultSchemas)[C]>;

/** The envelope of every answer; `result` is checked against resultSchemas[command] by the CLI. */
export const responseSchema = z.discriminatedUnion('ok', [
  z.object({ v: z.literal(PROTOCOL_VERSION), id: z.string(), ok: z.literal(true), result: z.unknown() }),
  z.object({ v: z.literal(PROTOCOL_VERSION), id: z.string(), ok: z.literal(false), error: responseErrorSchema }),
]);
export type CliResponse = z.infer<typeof responseSchema>;
