import { Agent, request } from 'node:http';

/** GETs as a client tool makes them (keep-alive, N at a time), counting the body bytes it reads and discards. */

export interface GetTarget {
  port: number;
  /** Path and query. */
  path: string;
  headers: Record<string, string>;
}

function getOnce(agent: Agent, target: GetTarget): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: target.port, path: target.path, headers: target.headers, agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`GET ${target.path.split('?')[0] ?? ''}: HTTP ${res.statusCode ?? 0}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** `count` GETs, `concurrency` at a time over keep-alive connections; resolves with the bytes read. */
export async function manyGets(target: GetTarget, count: number, concurrency: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let bytes = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      bytes += await getOnce(agent, target);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return bytes;
}
