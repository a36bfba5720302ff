import type { IncomingMessage } from 'node:http';

/**
 * A request body as the gateway forwards it. A body it holds whole can be sent again after a 401; a large or
 * chunked one streams straight through (never buffered) and is sent once.
 */
export type ForwardBody = { kind: 'none' } | { kind: 'buffered'; data: Buffer } | { kind: 'stream'; source: IncomingMessage };

/** Bodies up to this size are held so a request can be replayed after a token refresh. */
export const DEFAULT_REPLAY_LIMIT_BYTES = 1024 * 1024;

export async function forwardBodyOf(req: IncomingMessage, replayLimitBytes: number): Promise<ForwardBody> {
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const declared = req.headers['content-length'];
  const length = declared === undefined ? null : Number(declared);
  if (!chunked && (length === null || length === 0)) {
    req.resume();
    return { kind: 'none' };
  }
  if (chunked || length === null || !Number.isSafeInteger(length) || length > replayLimitBytes) return { kind: 'stream', source: req };
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return { kind: 'buffered', data: Buffer.concat(chunks) };
}

export function isReplayable(body: ForwardBody): boolean {
  return body.kind !== 'stream';
}
