import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccountSummary } from '../../shared/account-summary';
import { AppError } from '../common/app-error';
import { silentLogger, type Logger } from '../common/logger';
import type { AuditLog } from '../command-line/audit-log';
import type { TokenLifecycleApi } from '../tokens/lifecycle-api';
import { failureForAppError, LOCKED, NOT_FOUND, unreachable, type GatewayFailure } from './gateway-failures';
import { GatewayTokens } from './gateway-tokens';
import { downstreamResponseHeaders, GATEWAY_RESPONSE_HEADERS, upstreamRequestHeaders } from './proxy-headers';
import { DEFAULT_REPLAY_LIMIT_BYTES, forwardBodyOf, isReplayable, type ForwardBody } from './request-body';
import { relayAnswer } from './relay-answer';
import { allowedHosts, checkRequest } from './request-guard';
import { callUpstream, createUpstreamAgents, destroyAgents, UpstreamCancel, UpstreamError, type UpstreamAgents } from './upstream-call';
import { splitKey, upstreamTarget } from './upstream-target';

export interface GatewayServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** The running lifecycle, or null while the vault is locked. */
  lifecycle: () => TokenLifecycleApi | null;
  keys: { accountFor(key: string): string | null };
  audit?: AuditLog;
  logger?: Logger;
  now?: () => number;
  /** Bodies up to this size can be replayed after a 401; larger ones stream once. */
  replayLimitBytes?: number;
  /** A call to Winbooks with no byte moving for this long fails with 504. */
  upstreamTimeoutMs?: number;
}

const DEFAULT_UPSTREAM_TIMEOUT_MS = 120_000;

interface Listening {
  servers: Server[];
  port: number;
  hosts: Set<string>;
  agents: UpstreamAgents;
}

/** What one request did, for the audit list and the log: never the key, never the query string. */
interface RequestFacts {
  account: string | null;
  path: string;
  bytes: number;
}

/**
 * The local API gateway: `http://127.0.0.1:<port>/<key>/app/...` is forwarded to the key's account at
 * `{host}/app/...` with a fresh bearer token, so Excel, Power BI and Postman never hold a token. Loopback only,
 * browsers refused (request-guard.ts), answers streamed both ways with backpressure.
 */
export class GatewayServer {
  private listening: Listening | null = null;
  private tokens: { lifecycle: TokenLifecycleApi; tokens: GatewayTokens } | null = null;
  private transition: Promise<void> = Promise.resolve();
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(private readonly options: GatewayServerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  isRunning(): boolean {
    return this.listening !== null;
  }

  /** The port while running. */
  port(): number | null {
    return this.listening?.port ?? null;
  }

  start(): Promise<void> {
    return this.serialise(async () => {
      if (this.listening) return;
      this.listening = await this.open();
      this.logger.info('gateway.started', { port: this.listening.port, addresses: this.listening.servers.length });
    });
  }

  /** Stops listening and ends every open connection, streams under way included. */
  stop(): Promise<void> {
    return this.serialise(async () => {
      const listening = this.listening;
      if (!listening) return;
      this.listening = null;
      await Promise.all(
        listening.servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      destroyAgents(listening.agents);
      this.logger.info('gateway.stopped', {});
    });
  }

  private serialise(step: () => Promise<void>): Promise<void> {
    const run = this.transition.then(step);
    this.transition = run.catch(() => undefined);
    return run;
  }

  private async open(): Promise<Listening> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      this.serve(req, res).catch((error: unknown) => {
        this.logger.error('gateway.serve-failed', { message: error instanceof Error ? error.message : String(error) });
        res.destroy();
      });
    };
    const ipv4 = createServer(handler);
    try {
      await listen(ipv4, this.options.port, '127.0.0.1');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      const why = code === 'EADDRINUSE' ? 'another program already uses this port' : code;
      throw new AppError('internal', `The gateway could not listen on 127.0.0.1:${this.options.port} (${why}). Choose another port in Settings.`);
    }
    const port = (ipv4.address() as AddressInfo).port;
    const servers = [ipv4];
    const ipv6 = createServer(handler);
    try {
      await listen(ipv6, port, '::1');
      servers.push(ipv6);
    } catch (error) {
      // The URLs the app hands out name 127.0.0.1, so the gateway works without ::1 (no IPv6, or port taken there).
      this.logger.warn('gateway.ipv6-unavailable', { port, code: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    return { servers, port, hosts: allowedHosts(port), agents: createUpstreamAgents() };
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const listening = this.listening;
    const startedAt = performance.now();
    const at = this.now();
    const facts: RequestFacts = { account: null, path: '(not served)', bytes: 0 };
    res.once('close', () => this.record(at, req.method ?? '?', facts, res, performance.now() - startedAt));
    if (listening === null) return reply(res, { status: 503, text: 'The gateway is stopping.' });

    const verdict = checkRequest(req.headers, listening.hosts);
    if (!verdict.ok) return reply(res, { status: verdict.status, text: verdict.reason });
    const split = splitKey(req.url ?? '');
    const accountId = split === null ? null : this.options.keys.accountFor(split.key);
    if (split === null || accountId === null) return reply(res, NOT_FOUND);
    const lifecycle = this.options.lifecycle();
    if (lifecycle === null) return reply(res, LOCKED);
    let account: AccountSummary;
    try {
      account = lifecycle.get(accountId);
    } catch {
      return reply(res, NOT_FOUND);
    }
    facts.account = account.label;
    const target = upstreamTarget(account.host, split.rest);
    if (!target.ok) return reply(res, { status: 400, text: target.reason });
    facts.path = target.path;

    const body = await forwardBodyOf(req, this.options.replayLimitBytes ?? DEFAULT_REPLAY_LIMIT_BYTES);
    const cancel = new UpstreamCancel();
    res.once('close', () => {
      if (!res.writableFinished) cancel.cancel();
    });
    let upstream: IncomingMessage;
    try {
      upstream = await this.forward({ lifecycle, account, rest: split.rest, req, body, agents: listening.agents, cancel });
    } catch (error) {
      return reply(res, this.failureOf(error, account));
    }
    res.writeHead(upstream.statusCode ?? 502, upstream.statusMessage, downstreamResponseHeaders(upstream.headers));
    try {
      await relayAnswer(upstream, res, (bytes) => {
        facts.bytes += bytes;
      });
    } catch {
      // The client left or Winbooks broke off mid-answer: the status is already sent, so the connection just ends.
    }
  }

  /** Sends the request with a fresh token; on a 401, renews the token once and sends it once more if it can. */
  private async forward(request: {
    lifecycle: TokenLifecycleApi;
    account: AccountSummary;
    rest: string;
    req: IncomingMessage;
    body: ForwardBody;
    agents: UpstreamAgents;
    cancel: UpstreamCancel;
  }): Promise<IncomingMessage> {
    const tokens = this.tokensFor(request.lifecycle);
    const headers = upstreamRequestHeaders(request.req.headers);
    const sendOnce = (fresh: { accessToken: string; account: AccountSummary }): Promise<IncomingMessage> => {
      // The target is built from the host the token was issued for, as it is now: a token never goes elsewhere.
      const target = upstreamTarget(fresh.account.host, request.rest);
      if (!target.ok) throw new AppError('invalid-input', target.reason);
      return callUpstream({
        target: target.target,
        method: request.req.method ?? 'GET',
        headers,
        body: request.body,
        accessToken: fresh.accessToken,
        agents: request.agents,
        timeoutMs: this.options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
        cancel: request.cancel,
      });
    };
    const send = async (fresh: { accessToken: string; account: AccountSummary }): Promise<IncomingMessage> => {
      try {
        return await sendOnce(fresh);
      } catch (error) {
        if (!(error instanceof UpstreamError && error.staleConnection && isReplayable(request.body))) throw error;
        return sendOnce(fresh);
      }
    };
    const first = await tokens.current(request.account.id);
    const answer = await send(first);
    if (answer.statusCode !== 401 || !isReplayable(request.body)) return answer;
    answer.resume();
    const renewed = await tokens.afterRejection(request.account.id, first.accessToken);
    this.logger.info('gateway.retry-after-401', { account: request.account.label });
    return send(renewed);
  }

  private tokensFor(lifecycle: TokenLifecycleApi): GatewayTokens {
    if (this.tokens?.lifecycle !== lifecycle) this.tokens = { lifecycle, tokens: new GatewayTokens(lifecycle) };
    return this.tokens.tokens;
  }

  private failureOf(error: unknown, account: AccountSummary): GatewayFailure {
    if (error instanceof UpstreamError) return unreachable(new URL(account.host).origin, error.message);
    if (error instanceof AppError) return failureForAppError(error.code, account.label);
    this.logger.error('gateway.forward-failed', { account: account.label, message: error instanceof Error ? error.message : String(error) });
    return failureForAppError('internal', account.label);
  }

  private record(at: number, method: string, facts: RequestFacts, res: ServerResponse, durationMs: number): void {
    const outcome = res.writableFinished ? String(res.statusCode) : `${res.statusCode} (interrupted)`;
    const rounded = Math.round(durationMs);
    this.options.audit?.record({ at, source: 'gateway', command: `${method} ${facts.path}`, account: facts.account, outcome, bytes: facts.bytes, durationMs: rounded });
    this.logger.info('gateway.request', { account: facts.account, method, path: facts.path, status: res.statusCode, bytes: facts.bytes, durationMs: rounded });
  }
}

function reply(res: ServerResponse, failure: GatewayFailure): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = `${failure.text}\n`;
  res.writeHead(failure.status, { ...GATEWAY_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      // Later errors (a failed accept) must not become an uncaught exception in main.
      server.on('error', () => undefined);
      resolve();
    });
  });
}
