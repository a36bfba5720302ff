import type { z } from 'zod';
import type { AppErrorShape } from '../../shared/account-summary';
import { contract } from '../../shared/ipc-contract';
import type { AppApi, IpcResult, OperationName, ResponseOf } from '../../shared/ipc-contract';
import { AppError } from '../common/app-error';
import type { Logger } from '../common/logger';
import { silentLogger } from '../common/logger';

/**
 * One call of the app API from an untrusted transport (Electron IPC, the harness WebSocket): the payload is
 * parsed with the contract's schema, and whatever happens the caller gets an IpcResult, never a thrown error.
 */

/** Zod's own messages ("Invalid input: …", "Too small: …") do not say which field; ours begin with its label. */
const GENERIC_MESSAGE = /^(Invalid|Too|Unrecognized)\b/u;

/** The first problem of a refused payload, as one sentence that names the field. */
export function invalidInputError(operation: string, error: z.ZodError): AppErrorShape {
  const issue = error.issues[0];
  if (issue === undefined) return { code: 'invalid-input', message: `request: not valid for ${operation}.`, field: 'request' };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const field = [...path, issue.keys[0] ?? '?'].join('.');
    return { code: 'invalid-input', message: `${field}: not a field of ${operation}; remove it.`, field };
  }
  const field = path.length === 0 ? 'request' : path.join('.');
  const message = GENERIC_MESSAGE.test(issue.message) ? `${field}: ${issue.message} (in ${operation}).` : issue.message;
  return { code: 'invalid-input', message, field };
}

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

export async function invokeOperation<K extends OperationName>(
  api: AppApi,
  operation: K,
  payload: unknown,
  logger: Logger = silentLogger,
): Promise<IpcResult<ResponseOf<K>>> {
  const entry = contract[operation];
  const parsed = entry.request.safeParse(payload);
  if (!parsed.success) {
    const error = invalidInputError(operation, parsed.error);
    logger.warn('ipc.invalid-input', { operation, field: error.field });
    return { ok: false, error };
  }
  try {
    const handler = api[operation] as (request: unknown) => Promise<ResponseOf<K>>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (caught) {
    const error = AppError.from(caught);
    if (error.code === 'internal') logger.error('ipc.internal-error', { operation, message: error.message });
    return { ok: false, error: error.toShape() };
  }
}
