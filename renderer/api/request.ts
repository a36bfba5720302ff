import type { AppErrorShape } from '../../electron/shared/account-summary';
import type { IpcResult } from '../../electron/shared/ipc-contract';

/** A refusal from main, carried as a value: its code is translated in the UI, its field tells where to show it. */
export class RequestFailed extends Error {
  override readonly name = 'RequestFailed';
  constructor(readonly error: AppErrorShape) {
    super(error.message);
  }
}

/** Awaits a bridge call and returns its value, or throws RequestFailed with the error main sent. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new RequestFailed({ code: 'internal', message: `The app did not answer (${detail}).` });
  }
  if (!result.ok) throw new RequestFailed(result.error);
  return result.value;
}

export function appErrorOf(error: unknown): AppErrorShape {
  if (error instanceof RequestFailed) return error.error;
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: detail };
}
