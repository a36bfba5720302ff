import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GatewayFixture } from './gateway-fixture';

const MIB = 1024 * 1024;
const EXPORT_BYTES = 50 * MIB;
const RSS_ALLOWANCE_BYTES = 20 * MIB;

/**
 * Garbage not yet collected (every chunk read is a new 64 KiB buffer, three times over: sandbox, gateway, client)
 * would make resident memory grow by ~30 MiB even with no gateway at all; each sample collects it first, so what
 * is measured is memory held. A gateway that buffered the export instead of streaming it holds ~45 MiB here.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let fixture: GatewayFixture;
let key: string;

before(async () => {
  fixture = await GatewayFixture.start();
  ({ key } = await fixture.addAccount('Big Export'));
});

after(async () => {
  await fixture.stop();
});

/**
 * Reads an export through the gateway with a reader slower than the network (it stops for a moment every few
 * chunks), so a gateway that buffered instead of applying backpressure would pile the export up in memory.
 */
function readSlowly(path: string, onChunk: () => void): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: fixture.port, path, agent: false }, (res) => {
      let bytes = 0;
      let chunks = 0;
      const sink = new Writable({
        highWaterMark: 16 * 1024,
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          chunks += 1;
          onChunk();
          if (chunks % 8 === 0) setTimeout(done, 1);
          else done();
        },
      });
      pipeline(res, sink).then(() => resolve({ status: res.statusCode ?? 0, bytes }), reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a 50 MB export', () => {
  test('streams through the gateway with resident memory flat (within 20 MB)', async () => {
    // Warm up: JIT, sockets, the sandbox's chunk, so the baseline is the steady state.
    await readSlowly(`/${key}/app/Export/Folder/ACME?size=${16 * MIB}`, () => undefined);
    collectGarbage();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sample = (): void => {
      collectGarbage();
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const sampler = setInterval(sample, 100);
    let result: { status: number; bytes: number };
    try {
      let seen = 0;
      result = await readSlowly(`/${key}/app/Export/Folder/ACME?size=${EXPORT_BYTES}`, () => {
        seen += 1;
        if (seen % 128 === 0) sample();
      });
    } finally {
      clearInterval(sampler);
    }
    assert.equal(result.status, 200);
    assert.equal(result.bytes, EXPORT_BYTES);
    const growth = peak - baseline;
    assert.ok(growth < RSS_ALLOWANCE_BYTES, `resident memory grew by ${(growth / MIB).toFixed(1)} MiB while streaming 50 MiB`);
    const entry = fixture.audit.entries().at(-1);
    assert.equal(entry?.bytes, EXPORT_BYTES, 'the audit counts the bytes');
  });

  test('a client that leaves mid-export ends the call to Winbooks; the audit says so and the gateway serves on', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: fixture.port, path: `/${key}/app/Export/Folder/ACME?size=${EXPORT_BYTES}`, agent: false }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MIB) req.destroy();
        });
        res.on('close', () => resolve());
      });
      req.on('error', () => resolve());
      req.on('timeout', () => reject(new Error('timeout')));
      req.end();
    });
    const deadline = Date.now() + 5_000;
    while (!(fixture.audit.entries().at(-1)?.outcome ?? '').includes('interrupted') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const entry = fixture.audit.entries().at(-1);
    assert.equal(entry?.outcome, '200 (interrupted)');
    assert.ok((entry.bytes ?? 0) < EXPORT_BYTES);
    const again = await readSlowly(`/${key}/app/Export/Folder/ACME?size=1000`, () => undefined);
    assert.deepEqual(again, { status: 200, bytes: 1000 });
  });
});
