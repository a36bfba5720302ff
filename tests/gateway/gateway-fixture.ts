import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { AuditLog } from '../../electron/core/command-line/audit-log';
import { GatewayKeys } from '../../electron/core/gateway/gateway-keys';
import { InMemoryGatewayKeyStore } from '../../electron/core/gateway/gateway-key-store';
import { GatewayServer } from '../../electron/core/gateway/gateway-server';
import type { AccountSummary } from '../../electron/shared/account-summary';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import { CapturingLogger } from '../support/lifecycle-fixture';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';

/**
 * The gateway end to end: the real sandbox, the real token client and lifecycle (in-memory storage, no
 * scheduler running, so only requests cause token requests), keys in memory, the gateway on a free port.
 * The sandbox's clock can be moved ahead of the app's, so the sandbox sees a token expire that the app still
 * believes valid: exactly a 401 from Winbooks.
 */
export class GatewayFixture {
  readonly audit = new AuditLog();
  readonly logger = new CapturingLogger();
  readonly keyStore = new InMemoryGatewayKeyStore();
  readonly keys = new GatewayKeys(this.keyStore);
  lifecycleOpen = true;
  sandboxAheadMs = 0;
  readonly lifecycle: TokenLifecycle;
  readonly sandbox: WinbooksSandbox;
  readonly gateway: GatewayServer;

  private constructor(sandbox: WinbooksSandbox, options: { replayLimitBytes?: number; upstreamTimeoutMs?: number }) {
    this.sandbox = sandbox;
    this.lifecycle = new TokenLifecycle({ client: createWinbooksTokenClient(), storage: new InMemoryAccountStorage(), logger: this.logger });
    this.gateway = new GatewayServer({
      port: 0,
      lifecycle: () => (this.lifecycleOpen ? this.lifecycle : null),
      keys: this.keys,
      audit: this.audit,
      logger: this.logger,
      ...options,
    });
  }

  static async start(options: { replayLimitBytes?: number; upstreamTimeoutMs?: number } = {}): Promise<GatewayFixture> {
    let fixture: GatewayFixture | null = null;
    const sandbox = await WinbooksSandbox.start({ now: () => Date.now() + (fixture?.sandboxAheadMs ?? 0) });
    fixture = new GatewayFixture(sandbox, options);
    await fixture.gateway.start();
    return fixture;
  }

  get port(): number {
    const port = this.gateway.port();
    if (port === null) throw new Error('The gateway is not running.');
    return port;
  }

  /** A grant in the sandbox, an account in the lifecycle and a gateway key for it. */
  async addAccount(label: string, options: { lifetimeSeconds?: number; host?: string } = {}): Promise<{ account: AccountSummary; key: string; email: string }> {
    const email = `${label.toLowerCase().replace(/[^a-z0-9]+/gu, '.')}@example.be`;
    const grant = this.sandbox.addGrant({ email, ...(options.lifetimeSeconds !== undefined ? { accessLifetimeSeconds: options.lifetimeSeconds } : {}) });
    const account = await this.lifecycle.add({ label, email, host: options.host ?? this.sandbox.baseUrl, exchangeToken: grant.exchangeToken });
    const key = await this.keys.issue(account.id);
    return { account, key, email };
  }

  async stop(): Promise<void> {
    this.lifecycle.stop();
    await this.gateway.stop();
    await this.sandbox.stop();
  }
}

export interface GatewayAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Defaults to 127.0.0.1:<port>. */
  host?: string;
  address?: string;
}

/** A raw HTTP request to the gateway (node:http, so the Host header and every other header are ours to set). */
export function send(port: number, path: string, options: SendOptions = {}): Promise<GatewayAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers };
    if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const req = httpRequest({ host: options.address ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The echo endpoint's account of what reached Winbooks. */
export interface Echo {
  method: string;
  path: string;
  query: Record<string, string>;
  bodyBytes: number;
  bodySha256: string;
  contentType: string | null;
  headerNames: string[];
}
