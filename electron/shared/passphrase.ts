import { z } from 'zod';

/**
 * The passphrase rule, one definition for main and renderer: at least 12 characters, not only spaces, and
 * hard enough to guess according to zxcvbn-ts (a maintained estimator with common-password dictionaries and
 * keyboard patterns) rather than home-made composition rules. The length rules are cheap and checked on
 * every request by the IPC contract; the strength estimate needs its dictionaries (about 1 MB), which are
 * loaded on first use: lazily in the renderer (their own chunk), and in main by the vault on every new
 * passphrase it receives.
 */

export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 1024;
/** zxcvbn's scale: 0 too guessable, 1 very guessable, 2 somewhat guessable, 3 safely unguessable, 4 very unguessable. */
export const PASSPHRASE_MIN_SCORE = 3;

export type PassphraseScore = 0 | 1 | 2 | 3 | 4;
export type StrengthEstimator = (passphrase: string) => PassphraseScore;

/** Why a new passphrase is refused, with what the sentence needs: the UI words it, main logs the code. */
export type PassphraseProblem =
  | { code: 'too-short'; min: number }
  | { code: 'too-long'; max: number }
  | { code: 'whitespace-only' }
  | { code: 'too-weak'; score: PassphraseScore; minScore: number };

export const PASSPHRASE_PROBLEM_CODES = ['too-short', 'too-long', 'whitespace-only', 'too-weak'] as const satisfies readonly PassphraseProblem['code'][];

/** The first rule the passphrase breaks, or null. Without an estimator only the length rules are checked. */
export function passphraseProblem(passphrase: string, estimate?: StrengthEstimator): PassphraseProblem | null {
  if (passphrase.length < PASSPHRASE_MIN_LENGTH) return { code: 'too-short', min: PASSPHRASE_MIN_LENGTH };
  if (passphrase.length > PASSPHRASE_MAX_LENGTH) return { code: 'too-long', max: PASSPHRASE_MAX_LENGTH };
  if (passphrase.trim() === '') return { code: 'whitespace-only' };
  if (estimate === undefined) return null;
  const score = estimate(passphrase);
  return score < PASSPHRASE_MIN_SCORE ? { code: 'too-weak', score, minScore: PASSPHRASE_MIN_SCORE } : null;
}

/** The rule in English, for main's errors and the logs (the renderer words it from the problem's code). */
export function describePassphraseProblem(problem: PassphraseProblem): string {
  switch (problem.code) {
    case 'too-short':
      return `Passphrase: use at least ${problem.min} characters.`;
    case 'too-long':
      return `Passphrase: at most ${problem.max} characters.`;
    case 'whitespace-only':
      return 'Passphrase: it cannot be only spaces.';
    case 'too-weak':
      return 'Passphrase: too easy to guess (a common password, a keyboard pattern or a simple variation of one). Add a few unusual words.';
  }
}

export function isPassphraseProblem(value: unknown): value is PassphraseProblem {
  return typeof value === 'object' && value !== null && 'code' in value && (PASSPHRASE_PROBLEM_CODES as readonly unknown[]).includes(value.code);
}

function schemaWith(estimate?: StrengthEstimator): z.ZodType<string> {
  return z.string({ error: 'Passphrase: enter a passphrase.' }).superRefine((passphrase, context) => {
    const problem = passphraseProblem(passphrase, estimate);
    if (problem !== null) context.addIssue({ code: 'custom', message: describePassphraseProblem(problem), params: problem });
  });
}

/** The length rules: what the IPC contract checks on every new passphrase, before the vault estimates its strength. */
export const passphraseSchema = schemaWith();

/** Every rule, strength included: what forms check once the estimator is loaded. */
export function strongPassphraseSchema(estimate: StrengthEstimator): z.ZodType<string> {
  return schemaWith(estimate);
}

let estimator: Promise<StrengthEstimator> | null = null;

/** The strength estimator, its dictionaries loaded on first use (a separate chunk in the renderer). */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  estimator ??= import('./passphrase-strength').then((module) => module.createStrengthEstimator());
  return estimator;
}
