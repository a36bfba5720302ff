import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogFields, Logger } from '../core/common/logger';

/** Main's log file in the app's logs folder: what a packaged user (who never sees stderr) can send us. */
export const MAIN_LOG_FILE = 'main.log';
const ROTATE_AT_BYTES = 1_048_576;

export function mainLogPath(logsDirectory: string): string {
  return join(logsDirectory, MAIN_LOG_FILE);
}

/** One JSON line per event, appended synchronously (a failing start-up must still leave its line). */
export function fileLogger(path: string): Logger {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) > ROTATE_AT_BYTES) renameSync(path, `${path}.1`);
  } catch {
    // Logging must never stop the app.
  }
  const log = (level: string, event: string, fields?: LogFields): void => {
    try {
      appendFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`, { mode: 0o600 });
    } catch {
      // A full disk or a removed folder: the console still has it.
    }
  };
  return {
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}

export function teeLogger(...loggers: Logger[]): Logger {
  return {
    info: (event, fields) => loggers.forEach((logger) => logger.info(event, fields)),
    warn: (event, fields) => loggers.forEach((logger) => logger.warn(event, fields)),
    error: (event, fields) => loggers.forEach((logger) => logger.error(event, fields)),
  };
}
