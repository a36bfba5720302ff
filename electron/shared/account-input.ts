import { z } from 'zod';
import { LEGACY_HOST, PRODUCTION_HOST, checkHost, normaliseHost } from './host-policy';
import type { HostPolicy } from './host-policy';
import { hostKind } from './host-kind';
import type { HostKind } from './host-kind';

/** Rules for what a user types when adding or editing an account. Main and the renderer use these same schemas. */

export const LABEL_MAX_LENGTH = 80;
export const EXCHANGE_TOKEN_MAX_LENGTH = 4096;

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

export { normaliseHost };

/**
 * A well-formed API address (see normaliseHost). Whether it may receive tokens depends on the user's
 * "other API addresses" setting: the lifecycle checks that (checkHost), and forms use hostSchemaUnder(policy).
 */
export const hostSchema = hostSchemaUnder({ allowOtherHosts: true });

export function hostSchemaUnder(policy: HostPolicy) {
  return z.string({ error: 'Host: enter the API address from the Winbooks e-mail.' }).transform((raw, ctx) => {
    const result = checkHost(raw, policy);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }
    return result.host;
  });
}

export { LEGACY_HOST, PRODUCTION_HOST };
export { hostKind };
export type { HostKind };

export const newAccountSchema = z.object({
  label: labelSchema,
  email: emailSchema,
  host: hostSchema,
  exchangeToken: exchangeTokenSchema,
});
export type NewAccountInput = z.input<typeof newAccountSchema>;
export type NewAccount = z.output<typeof newAccountSchema>;

export const accountIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/u, { error: 'Account id: not a valid account id.' });

export const EXCHANGE_TOKEN_FOR_MOVE_MESSAGE =
  'Exchange token: changing the e-mail or the API address needs the exchange token of that grant, typed again; the stored tokens never go to another address.';

/**
 * An edit. Tokens belong to the e-mail and address they were obtained for: moving an account to another e-mail or
 * address needs the exchange token for the new pair in the same request (the stored one is never sent there).
 * Send email and host only when they change.
 */
export const accountPatchSchema = z
  .object({
    label: labelSchema.optional(),
    email: emailSchema.optional(),
    host: hostSchema.optional(),
    autoRefresh: z.boolean({ error: 'Auto-refresh: must be on or off.' }).optional(),
    exchangeToken: exchangeTokenSchema.optional(),
  })
  .strict()
  .superRefine((patch, ctx) => {
    const moves = patch.email !== undefined || patch.host !== undefined;
    if (moves && patch.exchangeToken === undefined) {
      ctx.addIssue({ code: 'custom', path: ['exchangeToken'], message: EXCHANGE_TOKEN_FOR_MOVE_MESSAGE });
    }
    if (!moves && patch.exchangeToken !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['exchangeToken'], message: 'Exchange token: to replace it without moving the account, use "Replace exchange token".' });
    }
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
