import type { z } from 'zod';
import { normaliseHost } from '../../electron/shared/account-input';
import { isPassphraseProblem } from '../../electron/shared/passphrase';
import type { PassphraseProblem } from '../../electron/shared/passphrase';
import type { Translation } from '../i18n/locales/en';
import type { Translate } from '../i18n/translate';
import { runtimeKey } from '../i18n/translation-keys';

/** Field name -> the sentence to show beside it. */
export type FieldErrors = Partial<Record<string, string>>;

type Issue = z.ZodError['issues'][number];

/**
 * The shared zod schemas word their messages in English for main and the logs; the UI shows the same rule
 * in the user's language, chosen from the issue's code and limits.
 */
export function translateIssue(t: Translate, field: string, issue: Issue): string {
  if (issue.code === 'custom' && isPassphraseProblem(issue.params)) return t(`validation.passphrase.${PASSPHRASE_PROBLEM_KEYS[issue.params.code]}`, issue.params);
  if (field === 'host' && issue.code === 'custom') return t(`validation.host.${hostProblemOf(issue.message)}`);
  if (issue.code === 'too_big') return t(runtimeKey(`validation.${field}.tooBig`), { max: Number(issue.maximum) });
  if (issue.code === 'too_small') return t(runtimeKey(`validation.${field}.tooSmall`), { min: Number(issue.minimum) });
  if (issue.code === 'invalid_format' && field === 'exchangeToken') return t('validation.exchangeToken.characters');
  // The patch rule: a new e-mail or API address comes with the exchange token sent for it.
  if (issue.code === 'custom' && field === 'exchangeToken') return t('validation.exchangeToken.newDestination');
  if (issue.code === 'invalid_type') return t(runtimeKey(`validation.${field}.required`));
  return t(runtimeKey(`validation.${field}.invalid`));
}

/**
 * Runs a zod schema over the form values and returns one translated message per failing field.
 * For a single-field schema, rootField names the field its issues belong to.
 */
export function validateWith<T>(schema: z.ZodType<T>, values: unknown, t: Translate, rootField = 'input'): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || rootField;
    errors[field] ??= translateIssue(t, field, issue);
  }
  return { ok: false, errors };
}

/** The passphrase rule's problem codes (electron/shared/passphrase.ts) -> their text under validation.passphrase. */
const PASSPHRASE_PROBLEM_KEYS: Record<PassphraseProblem['code'], keyof Translation['validation']['passphrase']> = {
  'too-short': 'tooSmall',
  'too-long': 'tooBig',
  'whitespace-only': 'whitespaceOnly',
  'too-weak': 'tooWeak',
};

type HostProblem = 'invalid' | 'scheme' | 'credentials' | 'query' | 'oauthPath';

/**
 * The host rule's reasons come from normaliseHost; learn each sentence from a sample input once, so the
 * mapping follows the shared wording instead of copying it.
 */
const HOST_SAMPLES: Record<HostProblem, string> = {
  invalid: 'not an address',
  scheme: 'ftp://example.com',
  credentials: 'https://user:secret@example.com',
  query: 'https://example.com/?q=1',
  oauthPath: 'https://example.com/OAuth20/Token',
};
let hostReasons: Map<string, HostProblem> | null = null;

export function hostProblemOf(reason: string): HostProblem {
  if (hostReasons === null) {
    hostReasons = new Map();
    for (const [problem, sample] of Object.entries(HOST_SAMPLES) as [HostProblem, string][]) {
      const result = normaliseHost(sample);
      if (!result.ok) hostReasons.set(result.reason, problem);
    }
  }
  return hostReasons.get(reason) ?? 'invalid';
}
