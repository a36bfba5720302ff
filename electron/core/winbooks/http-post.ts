import http from 'node:http';
import https from 'node:https';

/**
 * One HTTP POST with a whole-request timeout, on node:http(s) with keep-alive agents. The token client uses this
 * rather than fetch: the benchmark showed fetch's stream and abort-signal machinery costing about three times the
 * CPU of a plain request per token POST. Redirects are never followed (a redirect is returned as an answer).
 */

export interface PostRequest {
  headers: Readonly<Record<string, string>>;
  body: string;
  timeoutMs: number;
}

export interface PostAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** The URL may come parsed: a client posting to the same endpoint again need not parse it every time. */
export type HttpPost = (url: string | URL, request: PostRequest) => Promise<PostAnswer>;

/** No answer, or not all of it, within the timeout. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

/** A token answer is a few hundred bytes: anything this large is not one, and is not read to the end. */
export class AnswerTooLargeError extends Error {
  override readonly name = 'AnswerTooLargeError';
}

/**
 * The request failed before any of it could reach the server: no connection was ever made (refused, name not
 * found, unreachable, TLS handshake refused, timed out while connecting). Any other failure may have arrived.
 */
export class NotSentError extends Error {
  override readonly name = 'NotSentError';
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export const MAX_ANSWER_BYTES = 1024 * 1024;


export function createNodeHttpPost(): HttpPost {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
  };
  return (url, request) =>
    new Promise<PostAnswer>((resolve, reject) => {
      const target = typeof url === 'string' ? new URL(url) : url;
      const isHttps = target.protocol === 'https:';
      let settled = false;
      /** A connection was made, so bytes of the request may have reached the server. */
      let connected = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      const fail = (error: Error): void => settle(() => reject(connected ? error : new NotSentError(error)));
      const options: http.RequestOptions = {
        method: 'POST',
        agent: isHttps ? agents['https:'] : agents['http:'],
        headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
      };
      const onAnswer = (res: http.IncomingMessage): void => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            req.destroy(new AnswerTooLargeError(`the answer is larger than ${MAX_ANSWER_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const contentType = res.headers['content-type'];
          settle(() => resolve({ status: res.statusCode ?? 0, contentType: contentType ?? null, body: Buffer.concat(chunks).toString('utf8') }));
        });
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) settle(() => reject(Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' })));
        });
      };
      const req = isHttps ? https.request(target, options, onAnswer) : http.request(target, options, onAnswer);
      const timer = setTimeout(() => req.destroy(new RequestTimeoutError(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs);
      req.on('socket', (socket) => {
        // A kept-alive socket is already connected; a new one counts once connected (TLS: once the handshake is done).
        if (!socket.connecting) connected = true;
        else socket.once(isHttps ? 'secureConnect' : 'connect', () => (connected = true));
      });
      req.on('error', fail);
      req.end(request.body);
    });
}
