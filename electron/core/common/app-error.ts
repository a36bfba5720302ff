import type { AppErrorShape, ErrorCode, ErrorParams } from '../../shared/account-summary';

/** The one error type core code throws: a code the UI can translate and a sentence a person understands. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly params?: Readonly<ErrorParams>,
  ) {
    super(message);
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.params === undefined ? {} : { params: { ...this.params } }),
    };
  }

  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new AppError('internal', `Something went wrong inside the app (${detail}). Try again; if it persists, restart the app.`);
  }
}
