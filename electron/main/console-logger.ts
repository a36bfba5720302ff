import type { Logger, LogFields } from '../core/common/logger';

/** Main's log: one JSON line per event on stderr. Callers pass facts, never secrets. */
export function consoleLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (level: string, event: string, fields?: LogFields): void => {
    write(JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }));
  };
  return {
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}
