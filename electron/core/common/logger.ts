/** Structured log port. Callers pass facts, never secrets: ids, labels, codes, counts, durations. */

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The only way a token may appear in a log or on screen: a few characters, never enough to use. */
export function maskToken(token: string): string {
  if (token.length <= 8) return '•'.repeat(Math.max(token.length, 4));
  return `${token.slice(0, 4)}…${token.slice(-2)}`;
}
