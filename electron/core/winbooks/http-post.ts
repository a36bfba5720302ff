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

export type HttpPost = (url: string, request: PostRequest) => Promise<PostAnswer>;

/** No answer, or not all of it, within the timeout. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

/** A token answer is a few hundred bytes: anything this large is not one, and is not read to the end. */
export class AnswerTooLargeError extends Error {
  override readonly name = 'AnswerTooLargeError';
}

export const MAX_ANSWER_BYTES = 1024 * 1024;

export function createNodeHttpPost(): HttpPost {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
  };
  return (url, request) =>
    new Promise<PostAnswer>((resolve, reject) => {
      const target = new URL(url);
      const isHttps = target.protocol === 'https:';
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
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
        res.on('error', (error) => settle(() => reject(error)));
        res.on('close', () => {
          if (!res.complete) settle(() => reject(Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' })));
        });
      };
      const req = isHttps ? https.request(target, options, onAnswer) : http.request(target, options, onAnswer);
      const timer = setTimeout(() => req.destroy(new RequestTimeoutError(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs);
      req.on('error', (error) => settle(() => reject(error)));
      req.end(request.body);
    });
}
