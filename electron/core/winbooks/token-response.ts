/** Reading what the Winbooks token endpoint answered: the 200 body, and the reason given with a refusal. */

/** A token is printable ASCII without spaces: anything else would break the headers it is later sent in. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/u;
const SECONDS_PATTERN = /^\d+(\.\d+)?$/u;

export interface TokenAnswer {
  accessToken: string;
  refreshToken: string | undefined;
  expiresInSeconds: number;
}

export type TokenAnswerReading = { ok: true; answer: TokenAnswer } | { ok: false; problem: string };

function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/** `expires_in` is a string in the documented sample ("900") and may be a number: seconds either way, or null. */
function secondsOf(value: unknown): number | null {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && SECONDS_PATTERN.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/**
 * Reads a 2xx body (checked by hand: this runs on every refresh, and a schema library costs more than the rest of
 * the reading). The problem names fields only, never their values.
 */
export function readTokenAnswer(body: string, contentType: string | null): TokenAnswerReading {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: `the answer is not JSON (${contentType ?? 'no content type'}); a maintenance or proxy page is likely` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: 'the answer lacks a usable body' };
  const fields = json as Record<string, unknown>;
  const accessToken = fields.access_token;
  const expiresInSeconds = secondsOf(fields.expires_in);
  /** Absent, null or empty: the server did not rotate it. */
  const rawRefresh = fields.refresh_token;
  const refreshUsable = rawRefresh === undefined || rawRefresh === null || rawRefresh === '' || isToken(rawRefresh);
  const missing = [
    ...(isToken(accessToken) ? [] : ['access_token']),
    ...(expiresInSeconds === null ? ['expires_in'] : []),
    ...(refreshUsable ? [] : ['refresh_token']),
  ];
  if (missing.length > 0 || !isToken(accessToken) || expiresInSeconds === null) return { ok: false, problem: `the answer lacks a usable ${missing.join(', ')}` };
  return { ok: true, answer: { accessToken, refreshToken: isToken(rawRefresh) ? rawRefresh : undefined, expiresInSeconds } };
}

const MAX_DETAIL_LENGTH = 200;
/** Long runs of token characters: a server might echo a token we did not send; none is ever shown. */
const TOKEN_LIKE_RUN = /[A-Za-z0-9!_\-+/=.~%]{24,}/gu;

/** Removes the given secrets and anything token-shaped, flattens white space and caps the length. */
export function redactDetail(text: string, secrets: readonly string[]): string {
  let cleaned = text;
  for (const secret of secrets) {
    if (secret !== '') cleaned = cleaned.split(secret).join('[redacted]');
  }
  cleaned = cleaned
    .replace(TOKEN_LIKE_RUN, '[redacted]')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  return cleaned.length > MAX_DETAIL_LENGTH ? `${cleaned.slice(0, MAX_DETAIL_LENGTH - 1)}…` : cleaned;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The server's own words from an error body (JSON error_description/error/message or short plain text), or null. */
export function refusalDetail(body: string, contentType: string | null, secrets: readonly string[]): string | null {
  const text = body.trim();
  if (text === '') return null;
  let detail: string | undefined;
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
      const record = json as Record<string, unknown>;
      const description = stringField(record, 'error_description') ?? stringField(record, 'message');
      const code = stringField(record, 'error');
      detail = description !== undefined && code !== undefined ? `${description} (${code})` : (description ?? code);
    }
  } catch {
    const looksLikeHtml = (contentType ?? '').includes('html') || /^<(!doctype|html|\?xml|[a-z]+[\s>])/iu.test(text);
    if (!looksLikeHtml) detail = text;
  }
  if (detail === undefined) return null;
  const cleaned = redactDetail(detail, secrets);
  return cleaned === '' ? null : cleaned;
}
