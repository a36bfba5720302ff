import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { invokeOperation, isOperationName } from '../../electron/core/app/invoke-operation';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';
import { createHarnessBackend } from './harness-backend';
import type { HarnessBackend, HarnessBackendOptions } from './harness-backend';
import { HARNESS_BRIDGE_PATH, HARNESS_WS_PATH, callFrameSchema } from './harness-protocol';
import type { EventFrame, ResultFrame } from './harness-protocol';
import { readStaticFile } from './static-files';

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist', import.meta.url));
const BRIDGE_ENTRY = fileURLToPath(new URL('./browser/ws-bridge.ts', import.meta.url));

export interface HarnessServerOptions {
  /** The built renderer (npx vite build). */
  staticDir?: string;
  port?: number;
  backend?: HarnessBackendOptions;
}

/**
 * Serves the built renderer on 127.0.0.1 with the app API behind a loopback WebSocket, the way the Electron
 * window gets it over IPC. The page is served with the production CSP; the bridge script that provides
 * `window.winbooks` is injected into this page only, so the app's own build contains no WebSocket client.
 */
export class HarnessServer {
  private readonly sockets = new Set<WebSocket>();
  private unsubscribe: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly staticDir: string,
    private readonly bridgeScript: string,
    private current: HarnessBackend,
    readonly url: string,
  ) {}

  static async start(options: HarnessServerOptions = {}): Promise<HarnessServer> {
    const bridgeScript = await bundleBridge();
    const backend = await createHarnessBackend(options.backend);
    const server = createServer();
    const wss = new WebSocketServer({ noServer: true, maxPayload: 60_000_000 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const harness = new HarnessServer(server, wss, options.staticDir ?? DEFAULT_STATIC_DIR, bridgeScript, backend, `http://127.0.0.1:${port}/`);
    harness.attach();
    return harness;
  }

  get backend(): HarnessBackend {
    return this.current;
  }

  /** A fresh app behind the same URL (open pages are disconnected: reload them). */
  async reset(options?: HarnessBackendOptions): Promise<HarnessBackend> {
    this.disconnectAll();
    await this.current.close();
    this.current = await createHarnessBackend(options);
    this.subscribe();
    return this.current;
  }

  async close(): Promise<void> {
    this.disconnectAll();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.current.close();
  }

  private attach(): void {
    this.server.on('request', (req, res) => void this.serve(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      const origin = req.headers.origin;
      if (new URL(req.url ?? '/', this.url).pathname !== HARNESS_WS_PATH || origin !== new URL(this.url).origin) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
    this.subscribe();
  }

  private subscribe(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.unsubscribe = [
      this.current.onAccountsChanged((change) => this.broadcast({ type: 'event', event: 'accounts-changed', payload: change })),
      this.current.onVaultStateChanged((state) => this.broadcast({ type: 'event', event: 'vault-state', payload: state })),
      this.current.onSettingsChanged((settings) => this.broadcast({ type: 'event', event: 'settings', payload: settings })),
    ];
  }

  private broadcast(frame: EventFrame): void {
    const text = JSON.stringify(frame);
    for (const socket of this.sockets) socket.send(text);
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data, isBinary) => {
      if (isBinary || !(data instanceof Buffer)) {
        socket.close(1003, 'Text frames only');
        return;
      }
      void this.answer(socket, parseJson(data.toString('utf8')));
    });
  }

  private async answer(socket: WebSocket, message: unknown): Promise<void> {
    const frame = callFrameSchema.safeParse(message);
    if (!frame.success) {
      socket.close(1008, 'Malformed frame');
      return;
    }
    const { id, operation, payload } = frame.data;
    const result: ResultFrame['result'] = isOperationName(operation)
      ? await invokeOperation(this.current.api, operation, payload)
      : { ok: false, error: { code: 'invalid-input', message: `operation: "${operation}" is not an operation of the app API.`, field: 'operation' } };
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'result', id, result } satisfies ResultFrame));
  }

  private disconnectAll(): void {
    for (const socket of this.sockets) socket.close(1012, 'Harness reset');
    this.sockets.clear();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (path === HARNESS_BRIDGE_PATH) return send(res, 200, 'text/javascript; charset=utf-8', this.bridgeScript);
    if (path === '/' || path === '/index.html') {
      const page = await readStaticFile(this.staticDir, 'index.html');
      if (page === null) return send(res, 503, 'text/plain', `No built renderer in ${this.staticDir}: run "npx vite build" first.`);
      const html = page.body.toString('utf8').replace(/<head>/u, `<head>\n    <script src=".${HARNESS_BRIDGE_PATH}"></script>`);
      return send(res, 200, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': contentSecurityPolicy({ kind: 'bundled', distDir: this.staticDir }) });
    }
    const file = await readStaticFile(this.staticDir, path);
    if (file === null) return send(res, 404, 'text/plain', 'Not found');
    return send(res, 200, file.type, file.body);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function bundleBridge(): Promise<string> {
  const result = await build({ entryPoints: [BRIDGE_ENTRY], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent' });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no bridge script for the harness.');
  return output.text;
}
