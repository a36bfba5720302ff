import { z } from 'zod';

/** Reading what the Winbooks token endpoint answered: the 200 body, and the reason given with a refusal. */

/** A token is printable ASCII without spaces: anything else would break the headers it is later sent in. */
const tokenSchema = z.string().regex(/^[\x21-\x7e]+$/u);

/** `expires_in` is a string in the documented sample ("900") and may be a number: seconds either way. */
const expiresInSchema = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/u).transform(Number)])
  .pipe(z.number().positive().finite());

const tokenAnswerSchema = z.object({
  access_token: tokenSchema,
  expires_in: expiresInSchema,
  /** Absent, null or empty: the server did not rotate it. */
  refresh_token: z
    .union([tokenSchema, z.literal(''), z.null()])
    .optional()
    .transform((value) => (value === '' || value === null ? undefined : value)),
});

export interface TokenAnswer {
  accessToken: string;
  refreshToken: string | undefined;
  expiresInSeconds: number;
}

export type TokenAnswerReading = { ok: true; answer: TokenAnswer } | { ok: false; problem: string };

/** Reads a 2xx body. The problem names fields only, never their values. */
export function readTokenAnswer(body: string, contentType: string | null): TokenAnswerReading {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: `the answer is not JSON (${contentType ?? 'no content type'}); a maintenance or proxy page is likely` };
  }
  const result = tokenAnswerSchema.safeParse(json);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? 'body')))];
    return { ok: false, problem: `the answer lacks a usable ${fields.join(', ')}` };
  }
  return {
    ok: true,
    answer: { accessToken: result.data.access_token, refreshToken: result.data.refresh_token, expiresInSeconds: result.data.expires_in },
  };
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
