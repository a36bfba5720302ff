import type { Socket } from 'node:net';

/** Reading the single line each side of the protocol sends, with a size cap so a peer cannot exhaust memory. */

export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';
  constructor(readonly maxBytes: number) {
    super(`The message is longer than ${maxBytes} bytes.`);
  }
}

export class ClosedBeforeLineError extends Error {
  override readonly name = 'ClosedBeforeLineError';
  constructor() {
    super('The connection closed before a complete message arrived.');
  }
}

/** Resolves with the first line (without its newline); the socket is paused and left open for the answer. */
export function readOneLine(socket: Socket, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const finish = (settle: () => void): void => {
      socket.off('data', onData);
      socket.off('end', onClosed);
      socket.off('close', onClosed);
      socket.off('error', onError);
      socket.pause();
      settle();
    };
    const onData = (chunk: Buffer): void => {
      const newline = chunk.indexOf(0x0a);
      const part = newline === -1 ? chunk : chunk.subarray(0, newline);
      size += part.length;
      if (size > maxBytes) {
        finish(() => reject(new LineTooLongError(maxBytes)));
        return;
      }
      parts.push(part);
      if (newline !== -1) finish(() => resolve(Buffer.concat(parts).toString('utf8')));
    };
    const onClosed = (): void => finish(() => reject(new ClosedBeforeLineError()));
    const onError = (error: Error): void => finish(() => reject(error));
    socket.on('data', onData);
    socket.on('end', onClosed);
    socket.on('close', onClosed);
    socket.on('error', onError);
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
