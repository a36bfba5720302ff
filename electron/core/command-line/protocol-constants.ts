/**
 * The protocol's numbers, apart from its schemas (protocol.ts) so the CLI can import them without zod.
 */

export const PROTOCOL_VERSION = 1;
/** A request is a few hundred bytes; anything beyond this is refused unread. */
export const MAX_REQUEST_BYTES = 16 * 1024;
/** A list of many accounts can be large; still bounded so a stray peer cannot fill the CLI's memory. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MIN_VALID_SECONDS = 120;
export const MAX_MIN_VALID_SECONDS = 24 * 60 * 60;

/** The errors of the protocol itself (beside the app's ErrorCode); protocol.ts builds its schema from them. */
export const PROTOCOL_ERROR_CODES = ['unauthorized', 'bad-request', 'unsupported-version', 'request-too-large', 'account-not-allowed'] as const;
