import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { ForwardBody } from './request-body';

/** One request to Winbooks with the bearer token added; resolves once the answer's headers are in. */

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
}

export interface UpstreamAgents {
  http: HttpAgent;
  https: HttpsAgent;
}

/** Keep-alive connections to Winbooks, reused across requests; destroyed when the gateway stops. */
export function createUpstreamAgents(): UpstreamAgents {
  return { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };
}

export function destroyAgents(agents: UpstreamAgents): void {
  agents.http.destroy();
  agents.https.destroy();
}

export interface UpstreamCall {
  url: URL;
  method: string;
  headers: OutgoingHttpHeaders;
  body: ForwardBody;
  accessToken: string;
  agents: UpstreamAgents;
  /** Idle time (no byte either way) after which the call fails. */
  timeoutMs: number;
  signal: AbortSignal;
}

export function callUpstream(call: UpstreamCall): Promise<IncomingMessage> {
  const secure = call.url.protocol === 'https:';
  const headers: OutgoingHttpHeaders = { ...call.headers, authorization: `Bearer ${call.accessToken}` };
  if (call.body.kind === 'buffered') headers['content-length'] = String(call.body.data.length);
  if (call.body.kind === 'none') delete headers['content-length'];
  const options = { method: call.method, headers, signal: call.signal };
  const request = secure ? httpsRequest(call.url, { ...options, agent: call.agents.https }) : httpRequest(call.url, { ...options, agent: call.agents.http });
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', (error) => reject(new UpstreamError(reasonOf(error))));
    request.setTimeout(call.timeoutMs, () => request.destroy(new UpstreamError(`no answer within ${Math.round(call.timeoutMs / 1000)} s`)));
    switch (call.body.kind) {
      case 'none':
        request.end();
        return;
      case 'buffered':
        request.end(call.body.data);
        return;
      case 'stream':
        // Streamed with backpressure; a failure on either side ends the call (the error surfaces above).
        pipeline(call.body.source, request).catch((error: unknown) => request.destroy(error instanceof Error ? error : new Error(String(error))));
    }
  });
}

/** A short reason without anything from the request itself (no header, so no token). */
function reasonOf(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof UpstreamError) return error.message;
  if (error.name === 'AbortError') return 'the client went away';
  return code ?? error.message;
}
