import { loadavg } from 'node:os';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import { GatewayChild } from './gateway-child';
import type { GetTarget } from './http-get';
import { manyGets } from './http-get';
import { measure, mirrored, settle } from './measure';
import type { SandboxChild } from './sandbox-child';
import { benchGrant } from './sandbox-protocol';
import { round, spreadOf } from './stats';

const SMALL_PATH = '/app/Customers/Folder/BENCH?limit=10';
const MIB = 1024 * 1024;
/** Throughput through the gateway must stay at or above 0.9x direct, i.e. its wall time at most 1/0.9 of direct's. */
const STREAM_WALL_TARGET = round(1 / 0.9, 3);

interface GatewayRun {
  smallDirectMs: number;
  smallGatewayMs: number;
  streamDirectMs: number;
  streamGatewayMs: number;
}

/**
 * Figures 9-10: the local API gateway (its own process, as in the app) against a direct call to the sandbox (its
 * own process, as Winbooks), from the bench process (the client, as Excel): small GETs at concurrency 8, and one
 * large export streamed through. Wall time only; each run mirrored (A B B A) so drift weighs on both sides.
 */
export async function gatewayFigures(scale: BenchScale, sandbox: SandboxChild): Promise<FigureResult[]> {
  await sandbox.addGrants('gw', 2);
  const appGrant = benchGrant('gw', 0);
  const directGrant = benchGrant('gw', 1);
  const exchanged = await createWinbooksTokenClient().exchange({ host: sandbox.baseUrl, ...directGrant });
  if (exchanged.kind !== 'success') throw new Error(`The direct client could not get a token: ${exchanged.kind}.`);
  const sandboxPort = Number(new URL(sandbox.baseUrl).port);
  const gateway = await GatewayChild.start({ sandboxBaseUrl: sandbox.baseUrl, ...appGrant });
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const direct = (path: string): GetTarget => ({ port: sandboxPort, path, headers: { Authorization: `Bearer ${exchanged.grant.accessToken}` } });
    const through = (path: string): GetTarget => ({ port: gateway.port, path: `/${gateway.key}${path}`, headers: {} });
    const exportPath = `/app/Export/Folder/BENCH?size=${scale.gatewayExportBytes}`;
    const small = (target: GetTarget) => () => measure(() => manyGets(target, scale.gatewayRequests, 8));
    const stream = (target: GetTarget) => () =>
      measure(async () => {
        const bytes = await manyGets(target, 1, 1);
        if (bytes !== scale.gatewayExportBytes) throw new Error(`The export gave ${bytes} bytes, not ${scale.gatewayExportBytes}.`);
      });

    // Warm-up (not measured): connections, JIT, the gateway's first token.
    await manyGets(direct(SMALL_PATH), 50, 8);
    await manyGets(through(SMALL_PATH), 50, 8);
    await manyGets(direct(exportPath.replace(/size=\d+/u, `size=${MIB}`)), 1, 1);
    await manyGets(through(exportPath.replace(/size=\d+/u, `size=${MIB}`)), 1, 1);

    const runs: GatewayRun[] = [];
    for (let run = 0; run < scale.runs; run += 1) {
      await settle();
      const [smallDirect, smallGateway] = await mirrored(run, small(direct(SMALL_PATH)), small(through(SMALL_PATH)));
      await settle();
      const [streamDirect, streamGateway] = await mirrored(run, stream(direct(exportPath)), stream(through(exportPath)));
      runs.push({ smallDirectMs: smallDirect.wallMs, smallGatewayMs: smallGateway.wallMs, streamDirectMs: streamDirect.wallMs, streamGatewayMs: streamGateway.wallMs });
    }
    return describeRuns(runs, scale, loadBefore, loadavg()[0] ?? 0);
  } finally {
    await gateway.stop();
  }
}

function median(values: number[]): number {
  return round(spreadOf(values).median);
}

function describeRuns(runs: GatewayRun[], scale: BenchScale, loadBefore: number, loadAfter: number): FigureResult[] {
  const small = spreadOf(runs.map((run) => run.smallGatewayMs / run.smallDirectMs));
  const stream = spreadOf(runs.map((run) => run.streamGatewayMs / run.streamDirectMs));
  const mib = scale.gatewayExportBytes / MIB;
  // Each mirrored run measured both sides twice: the sums cover two passes.
  const throughput = (wallMs: number): number => round((2 * mib) / (wallMs / 1000));
  const machine = `load average (1 min) ${round(loadBefore, 3)} before, ${round(loadAfter, 3)} after, on ${scale.mode === 'smoke' ? 'smoke sizes' : 'full sizes'}`;
  const common = 'client = the bench process (node:http, keep-alive), gateway and sandbox each in their own child process, all on loopback';
  return [
    {
      id: 15,
      name: 'gateway-small-gets',
      title: `${scale.gatewayRequests} small GETs at concurrency 8 through the gateway`,
      baseline: 'the same GETs straight to the sandbox with the bearer token',
      target: 1.1,
      ratioMeaning: 'gateway wall / direct wall',
      ratio: small,
      absolute: {
        gatewayMsPerRequestMedian: median(runs.map((run) => run.smallGatewayMs / (2 * scale.gatewayRequests))),
        directMsPerRequestMedian: median(runs.map((run) => run.smallDirectMs / (2 * scale.gatewayRequests))),
        addedMsPerRequestMedian: median(runs.map((run) => (run.smallGatewayMs - run.smallDirectMs) / (2 * scale.gatewayRequests))),
        loadAverageBefore: round(loadBefore, 3),
        loadAverageAfter: round(loadAfter, 3),
      },
      verdict: verdictOf(small, 1.1),
      notes: [common, `GET ${SMALL_PATH} (a JSON list of 10 customers, ~1.4 KB)`, 'each run: both sides twice in mirrored order (A B B A), ratio of the sums', machine],
    },
    {
      id: 16,
      name: 'gateway-stream',
      title: `A ${mib} MiB export streamed through the gateway`,
      baseline: 'the same export straight from the sandbox',
      target: STREAM_WALL_TARGET,
      ratioMeaning: 'gateway wall / direct wall (<= 1.111 is throughput >= 0.9x direct)',
      ratio: stream,
      absolute: {
        gatewayMiBPerSecondMedian: median(runs.map((run) => throughput(run.streamGatewayMs))),
        directMiBPerSecondMedian: median(runs.map((run) => throughput(run.streamDirectMs))),
        throughputRatioMedian: round(1 / stream.median, 3),
        loadAverageBefore: round(loadBefore, 3),
        loadAverageAfter: round(loadAfter, 3),
      },
      verdict: verdictOf(stream, STREAM_WALL_TARGET),
      notes: [common, 'the client reads and discards; the sandbox writes 64 KiB chunks with backpressure', 'each run: both sides twice in mirrored order (A B B A), ratio of the sums', machine],
    },
  ];
}
