import { appErrorSchema } from '../../../shared/account-summary';
import type { AppErrorShape, ErrorCode, ErrorParams } from '../../../shared/account-summary';
import { AppError } from '../../common/app-error';

/** The error an operation failed with, as main words it: the code and what it is about, never its English message. */
export type WordedError = Pick<AppErrorShape, 'code' | 'params'>;

/** One sentence per error code, built from the code's params (an account's label...). Typed over every code. */
export type ErrorWords = { readonly [Code in ErrorCode]: (params: ErrorParams) => string };

/** A param as text, or null when the error did not carry it (the sentence then reads without it). */
export function paramText(params: ErrorParams, name: string): string | null {
  const value = params[name];
  return value === undefined || String(value).trim() === '' ? null : String(value);
}

export function wordError(words: ErrorWords): (error: WordedError) => string {
  return (error) => words[error.code](error.params ?? {});
}

/** The code and params of whatever an operation rejected with; anything without a known code is "internal". */
export function wordedErrorOf(error: unknown): WordedError {
  const parsed = appErrorSchema.safeParse(error instanceof AppError ? error.toShape() : error);
  if (!parsed.success) return { code: 'internal' };
  return parsed.data.params === undefined ? { code: parsed.data.code } : { code: parsed.data.code, params: parsed.data.params };
}
