import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A bare HTTP server for client tests that need answers the sandbox never gives (a number expires_in,
 * a missing refresh_token, odd statuses): it records every request and replies with the next scripted answer.
 */

export interface ScriptedAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export const jsonAnswer = (status: number, body: unknown): ScriptedAnswer => ({
  status,
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json' },
});

export class ScriptedTokenServer {
  readonly requests: RecordedRequest[] = [];
  readonly baseUrl: string;
  private readonly answers: ScriptedAnswer[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const answer = this.answers.shift() ?? { status: 599, body: 'no scripted answer left' };
        res.writeHead(answer.status, answer.headers ?? { 'Content-Type': 'text/plain' });
        res.end(answer.body);
      });
    });
  }

  static async start(): Promise<ScriptedTokenServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new ScriptedTokenServer(server);
  }

  /** Queues the answer to the next request. */
  answerNext(answer: ScriptedAnswer): void {
    this.answers.push(answer);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
    });
  }
}
