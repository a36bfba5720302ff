import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultQueue } from './sandbox-faults';
import type { FaultOptions, SandboxFault } from './sandbox-faults';
import { emailKeyOf, TokenLedger } from './sandbox-ledger';
import { serveResource } from './sandbox-resources';
import type { TokenAnswer } from './sandbox-ledger';

export type { FaultOptions, SandboxFault } from './sandbox-faults';
export { DEFAULT_ACCESS_LIFETIME_SECONDS } from './sandbox-ledger';

/**
 * A real local Winbooks token server for tests, the browser harness and the demo mode.
 * Speaks the protocol of ../../shared/WINBOOKS-API.md under both bases ('' and '/wow/v2'), on 127.0.0.1 only.
 */

export interface SandboxStartOptions {
  /** 0 or omitted: any free port. */
  port?: number;
  /** Default access-token lifetime for every grant (900 s when omitted). */
  accessLifetimeSeconds?: number;
  /** Wall clock in ms: expiry of access tokens is judged against it. */
  now?: () => number;
}

export const V2_BASE_PATH = '/wow/v2';
const MAX_BODY_BYTES = 64 * 1024;

const HTML_500 =
  '<!DOCTYPE html><html><head><title>500 - Internal server error.</title></head>' +
  '<body><h1>Server Error</h1><h2>500 - Internal server error.</h2></body></html>';
const HTML_503 = '<HTML><HEAD><TITLE>Service Unavailable</TITLE></HEAD><BODY><h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p></BODY></HTML>';
const HTML_200 = '<html><body><h1>Winbooks on Web</h1><p>Scheduled maintenance.</p></body></html>';

/** The e-mail from `Authorization: Basic base64(email)`, or null when the header is missing or not clean base64. */
function emailFromBasicHeader(header: string | undefined): string | null {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/u.exec(header?.trim() ?? '');
  const encoded = match?.[1];
  if (encoded === undefined) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const roundTrip = Buffer.from(decoded, 'utf8').toString('base64');
  if (roundTrip.replace(/=+$/u, '') !== encoded.replace(/=+$/u, '')) return null;
  return decoded;
}

function bearerFromHeader(header: string | undefined): string | null {
  const match = /^Bearer (\S+)$/u.exec(header?.trim() ?? '');
  return match?.[1] ?? null;
}

/** The path below the base: '/wow/v2/x' and '/x' both give '/x'. */
function pathBelowBase(rawUrl: string | undefined): string {
  const path = new URL(rawUrl ?? '/', 'http://sandbox.invalid').pathname;
  if (path.toLowerCase() === V2_BASE_PATH || path.toLowerCase().startsWith(`${V2_BASE_PATH}/`)) return path.slice(V2_BASE_PATH.length);
  return path;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export class WinbooksSandbox {
  readonly baseUrl: string;
  readonly v2BaseUrl: string;
  readonly port: number;

  private readonly faults = new FaultQueue();
  private readonly requestCounts = new Map<string, number>();
  private totalRequests = 0;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopping: Promise<void> | null = null;

  private constructor(
    private readonly server: Server,
    private readonly ledger: TokenLedger,
  ) {
    this.port = (server.address() as AddressInfo).port;
    this.baseUrl = `http://127.0.0.1:${this.port}`;
    this.v2BaseUrl = `${this.baseUrl}${V2_BASE_PATH}`;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(options: SandboxStartOptions = {}): Promise<WinbooksSandbox> {
    const ledger = new TokenLedger(options.now ?? Date.now, options.accessLifetimeSeconds);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const sandbox = new WinbooksSandbox(server, ledger);
    server.on('request', (req, res) => sandbox.route(req, res));
    return sandbox;
  }

  addGrant(options: { email: string; exchangeToken?: string; accessLifetimeSeconds?: number }): { email: string; exchangeToken: string } {
    return this.ledger.addGrant(options.email, options.exchangeToken, options.accessLifetimeSeconds);
  }

  /** The admin deleted the grant: exchange and refresh answer 400 invalid_grant, every access token stops working. */
  revokeGrant(email: string): void {
    this.ledger.revokeGrant(email);
  }

  /** Lifetime of access tokens issued from now on; email null sets the default for grants without their own. */
  setAccessLifetime(email: string | null, seconds: number): void {
    this.ledger.setAccessLifetime(email, seconds);
  }

  /** Applies to token requests only; the first matching fault in injection order wins. */
  injectFault(fault: SandboxFault, options?: FaultOptions): void {
    this.faults.add(fault, options);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Token requests received (faulted ones included): for one e-mail as named by the Basic header, or all. */
  tokenRequestCount(email?: string): number {
    if (email === undefined) return this.totalRequests;
    return this.requestCounts.get(emailKeyOf(email)) ?? 0;
  }

  /** Every exchange, access and refresh token this sandbox seeded or issued. */
  issuedSecrets(): string[] {
    return this.ledger.issuedSecrets();
  }

  /**
   * How many times a superseded refresh token was presented (each revoked its grant's tokens), for one e-mail or
   * all. A client that never replays a refresh token keeps this at 0 whatever the faults.
   */
  reuseEvents(email?: string): number {
    return this.ledger.reuseEvents(email);
  }

  isRefreshTokenValid(email: string, refreshToken: string): boolean {
    return this.ledger.isRefreshTokenValid(email, refreshToken);
  }

  isAccessTokenValid(accessToken: string): boolean {
    return this.ledger.bearerOwner(accessToken) !== null;
  }

  /** Closes the server and every socket, hung requests included. Safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
    });
    return this.stopping;
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const path = pathBelowBase(req.url);
    if (path.toLowerCase() === '/oauth20/token') {
      void this.handleTokenRequest(req, res);
    } else if (path === '/app' || path.startsWith('/app/')) {
      if (!serveResource(req, res, path, (token) => this.ledger.bearerOwner(token))) this.handleAppRequest(req, res, path);
    } else {
      sendJson(res, 404, { error: 'not_found', error_description: `No such endpoint: ${path}` });
    }
  }

  private async handleTokenRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST.' }, { Allow: 'POST' });
      return;
    }
    const body = await readBody(req);
    const email = emailFromBasicHeader(req.headers.authorization);
    this.countRequest(email);
    const rule = this.faults.take(email === null ? null : emailKeyOf(email));
    if (rule === null) {
      this.answerTokenRequest(req, res, email, body);
      return;
    }
    const { fault } = rule;
    if (typeof fault === 'object') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.answerTokenRequest(req, res, email, body);
      }, fault.delayMs);
      this.timers.add(timer);
      return;
    }
    // A strict server: it acted on the request (rotating a refresh token) and then the answer went wrong.
    if (rule.processed || fault === 'lost-answer') this.decideTokenRequest(req, email, body);
    switch (fault) {
      case 'html-500':
        send(res, 500, 'text/html; charset=utf-8', HTML_500);
        return;
      case 'unavailable-503':
        send(res, 503, 'text/html; charset=us-ascii', HTML_503, { 'Retry-After': '30' });
        return;
      case 'hang':
        return; // Never answered; stop() destroys the socket.
      case 'reset':
      case 'lost-answer':
        req.socket.destroy();
        return;
      case 'non-json-200':
        send(res, 200, 'text/html; charset=utf-8', HTML_200);
        return;
      case 'missing-fields-200':
        sendJson(res, 200, { scope: null, token_type: 'bearer' });
        return;
    }
  }

  private answerTokenRequest(req: IncomingMessage, res: ServerResponse, email: string | null, body: string | null): void {
    if (res.destroyed) return;
    const answer = this.decideTokenRequest(req, email, body);
    sendJson(res, answer.status, answer.body);
  }

  /** What the live endpoint would answer; an accepted grant changes the ledger. */
  private decideTokenRequest(req: IncomingMessage, email: string | null, body: string | null): { status: number; body: unknown } {
    if (email === null || !this.ledger.knows(email)) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Authorization: expected Basic with the base64 of a granted e-mail address.' } };
    }
    const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/x-www-form-urlencoded' || body === null) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Expected an application/x-www-form-urlencoded body.' } };
    }
    const form = new URLSearchParams(body);
    const grantType = form.get('grant_type');
    const code = form.get('code');
    if (code === null || code === '') {
      return { status: 400, body: { error: 'invalid_request', error_description: 'The code parameter is missing.' } };
    }
    const answer: TokenAnswer =
      grantType === 'exchange_token'
        ? this.ledger.exchange(email, code)
        : grantType === 'refresh_token'
          ? this.ledger.refresh(email, code)
          : { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Use exchange_token or refresh_token.' } };
    return answer;
  }

  private handleAppRequest(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'invalid_request', error_description: 'The sandbox answers GET only.' }, { Allow: 'GET' });
      return;
    }
    const token = bearerFromHeader(req.headers.authorization);
    const email = token === null ? null : this.ledger.bearerOwner(token);
    if (email === null) {
      sendJson(res, 401, { error: 'invalid_token', error_description: 'The access token is missing, invalid or expired.' }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      return;
    }
    sendJson(res, 200, { ok: true, email, path });
  }

  private countRequest(email: string | null): void {
    this.totalRequests += 1;
    if (email === null) return;
    const key = emailKeyOf(email);
    this.requestCounts.set(key, (this.requestCounts.get(key) ?? 0) + 1);
  }
}
