import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { ForwardBody } from './request-body';
import type { UpstreamTarget } from './upstream-target';

/** One request to Winbooks with the bearer token added; resolves once the answer's headers are in. */

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';

  constructor(
    message: string,
    /** Reset on a reused keep-alive connection before any answer: the server had closed it; sending again is safe. */
    readonly staleConnection = false,
  ) {
    super(message);
  }
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

/** Lets the gateway end the call to Winbooks when its own client goes away (cheaper than an AbortSignal per request). */
export class UpstreamCancel {
  private request: ClientRequest | null = null;
  private cancelled = false;

  attach(request: ClientRequest): void {
    this.request = request;
    if (this.cancelled) request.destroy(new UpstreamError('the client went away'));
  }

  cancel(): void {
    this.cancelled = true;
    this.request?.destroy(new UpstreamError('the client went away'));
  }
}

export interface UpstreamCall {
  target: UpstreamTarget;
  method: string;
  headers: OutgoingHttpHeaders;
  body: ForwardBody;
  accessToken: string;
  agents: UpstreamAgents;
  /** Idle time (no byte either way) after which the call fails. */
  timeoutMs: number;
  cancel: UpstreamCancel;
}

export function callUpstream(call: UpstreamCall): Promise<IncomingMessage> {
  const { secure, hostname, port, requestPath } = call.target;
  const headers: OutgoingHttpHeaders = { ...call.headers, authorization: `Bearer ${call.accessToken}` };
  if (call.body.kind === 'buffered') headers['content-length'] = String(call.body.data.length);
  if (call.body.kind === 'none') delete headers['content-length'];
  // Options rather than a URL: the path goes on exactly as received (already checked), without a parse per request.
  const options = { hostname, port, path: requestPath, method: call.method, headers };
  const request = secure ? httpsRequest({ ...options, agent: call.agents.https }) : httpRequest({ ...options, agent: call.agents.http });
  call.cancel.attach(request);
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', (error) => {
      const stale = request.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET';
      reject(new UpstreamError(reasonOf(error), stale));
    });
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
  return code ?? error.message;
}
