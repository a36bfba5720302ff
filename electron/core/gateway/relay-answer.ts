import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Streams Winbooks' answer to the client with backpressure (`pipe`), counting the bytes. Resolves once the answer
 * is sent whole; rejects when either side breaks off, after ending the other side. Cheaper per request than
 * `stream/promises` pipeline, which builds an AbortController (and its DOMException) for every answer.
 */
export function relayAnswer(upstream: IncomingMessage, res: ServerResponse, countBytes: (bytes: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const brokenOff = (side: string): void => {
      upstream.destroy();
      res.destroy();
      reject(new Error(`${side} broke off mid-answer`));
    };
    upstream.on('data', (chunk: Buffer) => countBytes(chunk.length));
    upstream.once('error', () => brokenOff('Winbooks'));
    upstream.once('close', () => {
      if (!upstream.complete) brokenOff('Winbooks');
    });
    res.once('close', () => {
      if (res.writableFinished) resolve();
      else brokenOff('the client');
    });
    upstream.pipe(res);
  });
}
