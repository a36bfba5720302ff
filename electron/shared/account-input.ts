import { z } from 'zod';

/** Rules for what a user types when adding or editing an account. Main and the renderer use these same schemas. */

export const LABEL_MAX_LENGTH = 80;
export const EXCHANGE_TOKEN_MAX_LENGTH = 4096;

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const labelSchema = z
  .string({ error: 'Label: enter a name for this account.' })
  .trim()
  .min(1, { error: 'Label: enter a name for this account.' })
  .max(LABEL_MAX_LENGTH, { error: `Label: use at most ${LABEL_MAX_LENGTH} characters.` });

export const emailSchema = z
  .string({ error: 'E-mail: enter the e-mail address the grant was sent to.' })
  .trim()
  .pipe(z.email({ error: 'E-mail: this is not a valid e-mail address (expected name@example.com).' }));

/**
 * A pasted exchange token is often broken by spaces or line breaks (e-mail clients wrap long words):
 * white space is removed, anything else that cannot be part of a token is refused.
 */
export const exchangeTokenSchema = z
  .string({ error: 'Exchange token: paste the exchange token from the Winbooks e-mail.' })
  .transform((raw) => raw.replace(/\s+/gu, ''))
  .pipe(
    z
      .string()
      .min(1, { error: 'Exchange token: paste the exchange token from the Winbooks e-mail.' })
      .max(EXCHANGE_TOKEN_MAX_LENGTH, { error: `Exchange token: too long (more than ${EXCHANGE_TOKEN_MAX_LENGTH} characters); check what was pasted.` })
      .regex(/^[\x21-\x7e]*$/u, { error: 'Exchange token: contains characters a token cannot have; copy it again from the Winbooks e-mail.' }),
  );

/** Normalises an API base: lower-case origin, no trailing slash, no query, fragment or credentials. */
export function normaliseHost(raw: string): { ok: true; host: string } | { ok: false; reason: string } {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'Host: not a valid address; expected e.g. https://rapi.winbooksonweb.be.' };
  }
  const loopback = LOOPBACK_HOSTNAMES.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, reason: 'Host: must start with https:// (plain http is allowed only for a local sandbox on 127.0.0.1, localhost or [::1]).' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'Host: must not contain a user name or password.' };
  }
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    return { ok: false, reason: 'Host: must not contain a query (?) or fragment (#); enter only the API base.' };
  }
  const path = url.pathname.replace(/\/+$/u, '');
  if (/\/OAuth20(\/|$)/iu.test(path)) {
    return { ok: false, reason: 'Host: enter the API base without /OAuth20/Token (e.g. https://rapi.winbooksonweb.be).' };
  }
  return { ok: true, host: `${url.protocol}//${url.host}${path}` };
}

export const hostSchema = z
  .string({ error: 'Host: enter the API address from the Winbooks e-mail.' })
  .transform((raw, ctx) => {
    const result = normaliseHost(raw);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }
    return result.host;
  });

export const PRODUCTION_HOST = 'https://prd.winbooksapis.be/wow/v2';
export const LEGACY_HOST = 'https://rapi.winbooksonweb.be';
export type HostKind = 'production' | 'legacy' | 'custom';

/** The badge shown next to a host. prd.winbooksapis.be/wow/v2 is the current API base; rapi.winbooksonweb.be the older documented one. */
export function hostKind(host: string): HostKind {
  if (host === PRODUCTION_HOST) return 'production';
  if (host === LEGACY_HOST) return 'legacy';
  return 'custom';
}

export const newAccountSchema = z.object({
  label: labelSchema,
  email: emailSchema,
  host: hostSchema,
  exchangeToken: exchangeTokenSchema,
});
export type NewAccountInput = z.input<typeof newAccountSchema>;
export type NewAccount = z.output<typeof newAccountSchema>;

export const accountIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/u, { error: 'Account id: not a valid account id.' });

export const accountPatchSchema = z
  .object({
    label: labelSchema.optional(),
    email: emailSchema.optional(),
    host: hostSchema.optional(),
    autoRefresh: z.boolean({ error: 'Auto-refresh: must be on or off.' }).optional(),
    /** Required with a new e-mail or host: a stored secret is never sent to a destination it was not obtained from. */
    exchangeToken: exchangeTokenSchema.optional(),
  })
  .strict()
  .refine((patch) => patch.exchangeToken !== undefined || (patch.email === undefined && patch.host === undefined), {
    path: ['exchangeToken'],
    error: 'Exchange token: a new e-mail or API address needs the exchange token sent for it; the stored one is never sent elsewhere.',
  });
export type AccountPatchInput = z.input<typeof accountPatchSchema>;
export type AccountPatch = z.output<typeof accountPatchSchema>;

/** A field-level refusal: which field, and a sentence a person understands. */
export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'input',
    message: issue.message,
  }));
}
