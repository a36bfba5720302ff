import type { z } from 'zod';
import { fieldErrorsOf } from '../../shared/account-input';
import type { AppErrorShape } from '../../shared/account-summary';
import { AppError } from '../common/app-error';

/** Parses input with its shared schema, or throws AppError 'invalid-input' naming the first field at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, field?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [first] = fieldErrorsOf(result.error);
  throw new AppError('invalid-input', first?.message ?? 'The input is not valid.', field ?? first?.field);
}

export function errorOf(shape: AppErrorShape): AppError {
  return new AppError(shape.code, shape.message, shape.field, shape.params);
}
