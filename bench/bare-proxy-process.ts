/**
 * Child-process entry: the floor of any proxy hop, for figures 17-18. A bare `node:http` reverse proxy with the
 * gateway's transport (keep-alive agent, `pipe` both ways) and nothing else: no key, no checks, no header
 * filtering, no audit, one fixed bearer token. What the gateway costs above it is the gateway's own work.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Start {
  upstreamPort: number;
  accessToken: string;
}

function start(config: Start): void {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const server = createServer((req, res) => {
    const upstream = request(
      { host: '127.0.0.1', port: config.upstreamPort, path: req.url, method: req.method, headers: { authorization: `Bearer ${config.accessToken}` }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  process.on('disconnect', () => process.exit(0));
}

if (process.send === undefined) throw new Error('bench/bare-proxy-process.ts must be started by the bench (it talks over IPC).');
process.once('message', (message: Start) => start(message));
