import { loadavg } from 'node:os';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import { BareProxyChild } from './bare-proxy-child';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import { GatewayChild } from './gateway-child';
import type { GetTarget } from './http-get';
import { manyGets } from './http-get';
import { measure, mirroredAll, settle } from './measure';
import type { SandboxChild } from './sandbox-child';
import { benchGrant } from './sandbox-protocol';
import { round, spreadOf } from './stats';

const SMALL_PATH = '/app/Customers/Folder/BENCH?limit=10';
/** A stand-in for Winbooks over the internet: the sandbox answers 10 ms late (a short WAN round trip plus server time). */
const WINBOOKS_DELAY_MS = 10;
const SLOW_PATH = `/app/Echo/bench?delayMs=${WINBOOKS_DELAY_MS}`;
const MIB = 1024 * 1024;
/** Throughput through the gateway must stay at or above 0.9x the baseline's, i.e. its wall time at most 1/0.9. */
const STREAM_WALL_TARGET = round(1 / 0.9, 3);

/** Wall-time sums of one run (each side measured twice, mirrored). */
interface GatewayRun {
  small: { direct: number; bare: number; gateway: number };
  stream: { direct: number; bare: number; gateway: number };
  slow: { direct: number; gateway: number };
}

type Side = 'direct' | 'bare' | 'gateway';

/**
 * Figures 15-19: the local API gateway (its own process, as in the app) against a direct call to the sandbox (its
 * own process, as Winbooks) and against a bare node:http proxy (the floor of any proxy hop), from the bench process
 * (the client, as Excel): small GETs at concurrency 8, one large export streamed through, and small GETs when
 * Winbooks takes 10 ms to answer. Wall time only; each run mirrored (A B C C B A) so drift weighs on every side.
 */
export async function gatewayFigures(scale: BenchScale, sandbox: SandboxChild): Promise<FigureResult[]> {
  await sandbox.addGrants('gw', 2);
  const appGrant = benchGrant('gw', 0);
  const directGrant = benchGrant('gw', 1);
  const exchanged = await createWinbooksTokenClient().exchange({ host: sandbox.baseUrl, ...directGrant });
  if (exchanged.kind !== 'success') throw new Error(`The direct client could not get a token: ${exchanged.kind}.`);
  const sandboxPort = Number(new URL(sandbox.baseUrl).port);
  const gateway = await GatewayChild.start({ sandboxBaseUrl: sandbox.baseUrl, ...appGrant });
  const bare = await BareProxyChild.start(sandboxPort, exchanged.grant.accessToken);
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const targets: Record<Side, (path: string) => GetTarget> = {
      direct: (path) => ({ port: sandboxPort, path, headers: { Authorization: `Bearer ${exchanged.grant.accessToken}` } }),
      bare: (path) => ({ port: bare.port, path, headers: {} }),
      gateway: (path) => ({ port: gateway.port, path: `/${gateway.key}${path}`, headers: {} }),
    };
    const exportPath = `/app/Export/Folder/BENCH?size=${scale.gatewayExportBytes}`;
    const slowRequests = Math.max(8, Math.round(scale.gatewayRequests / 5));
    const small = (side: Side) => () => measure(() => manyGets(targets[side](SMALL_PATH), scale.gatewayRequests, 8));
    const slow = (side: Side) => () => measure(() => manyGets(targets[side](SLOW_PATH), slowRequests, 8));
    const stream = (side: Side) => () =>
      measure(async () => {
        for (let index = 0; index < scale.gatewayExportsPerSlot; index += 1) {
          const bytes = await manyGets(targets[side](exportPath), 1, 1);
          if (bytes !== scale.gatewayExportBytes) throw new Error(`The export gave ${bytes} bytes, not ${scale.gatewayExportBytes}.`);
        }
      });

    // Warm-up (not measured): connections, JIT, the gateway's first token.
    for (const side of ['direct', 'bare', 'gateway'] as const) {
      await manyGets(targets[side](SMALL_PATH), 50, 8);
      await manyGets(targets[side](exportPath.replace(/size=\d+/u, `size=${MIB}`)), 1, 1);
    }

    const runs: GatewayRun[] = [];
    const walls = (costs: Array<{ wallMs: number }>): number[] => costs.map((cost) => cost.wallMs);
    for (let run = 0; run < scale.runs; run += 1) {
      await settle();
      const [smallDirect = 0, smallBare = 0, smallGateway = 0] = walls(await mirroredAll(run, [small('direct'), small('bare'), small('gateway')]));
      await settle();
      const [streamDirect = 0, streamBare = 0, streamGateway = 0] = walls(await mirroredAll(run, [stream('direct'), stream('bare'), stream('gateway')]));
      await settle();
      const [slowDirect = 0, slowGateway = 0] = walls(await mirroredAll(run, [slow('direct'), slow('gateway')]));
      runs.push({
        small: { direct: smallDirect, bare: smallBare, gateway: smallGateway },
        stream: { direct: streamDirect, bare: streamBare, gateway: streamGateway },
        slow: { direct: slowDirect, gateway: slowGateway },
      });
    }
    return describeRuns(runs, scale, slowRequests, loadBefore, loadavg()[0] ?? 0);
  } finally {
    await Promise.all([gateway.stop(), bare.stop()]);
  }
}

function median(values: number[]): number {
  return round(spreadOf(values).median);
}

function describeRuns(runs: GatewayRun[], scale: BenchScale, slowRequests: number, loadBefore: number, loadAfter: number): FigureResult[] {
  const mib = scale.gatewayExportBytes / MIB;
  // Each mirrored run measured every side twice: the sums cover two passes.
  const perRequest = (wallMs: number, count: number): number => wallMs / (2 * count);
  // Each side streamed 2 slots (mirrored order) of gatewayExportsPerSlot exports per run.
  const throughput = (wallMs: number): number => round((2 * scale.gatewayExportsPerSlot * mib) / (wallMs / 1000));
  const load = { loadAverageBefore: round(loadBefore, 3), loadAverageAfter: round(loadAfter, 3) };
  const machine = `load average (1 min) ${round(loadBefore, 3)} before, ${round(loadAfter, 3)} after, on ${scale.mode === 'smoke' ? 'smoke sizes' : 'full sizes'}`;
  const common = 'client = the bench process (node:http, keep-alive), gateway, bare proxy and sandbox each in their own child process, all on loopback';
  const mirroring = 'each run: every side twice in mirrored order (A B C C B A), ratio of the sums';
  const exportsPerSlot = `stream figures: ${scale.gatewayExportsPerSlot} exports one after another in each slot, so ${2 * scale.gatewayExportsPerSlot} per side and run`;
  const bareProxy = 'bare proxy = bench/bare-proxy-process.ts, a node:http reverse proxy with the same keep-alive transport and nothing else (no key, checks, header filtering or audit)';
  const smallRequest = `GET ${SMALL_PATH} (a JSON list of 10 customers, ~1.4 KB)`;
  const smallMs = (side: Side) => median(runs.map((run) => perRequest(run.small[side], scale.gatewayRequests)));
  const streamRate = (side: Side) => median(runs.map((run) => throughput(run.stream[side])));
  const smallVersusDirect = spreadOf(runs.map((run) => run.small.gateway / run.small.direct));
  const streamVersusDirect = spreadOf(runs.map((run) => run.stream.gateway / run.stream.direct));
  const smallVersusBare = spreadOf(runs.map((run) => run.small.gateway / run.small.bare));
  const streamVersusBare = spreadOf(runs.map((run) => run.stream.gateway / run.stream.bare));
  const slowVersusDirect = spreadOf(runs.map((run) => run.slow.gateway / run.slow.direct));
  return [
    {
      id: 15,
      name: 'gateway-small-gets',
      title: `${scale.gatewayRequests} small GETs at concurrency 8 through the gateway`,
      baseline: 'the same GETs straight to the sandbox with the bearer token',
      target: 1.1,
      ratioMeaning: 'gateway wall / direct wall',
      ratio: smallVersusDirect,
      absolute: {
        gatewayMsPerRequestMedian: smallMs('gateway'),
        directMsPerRequestMedian: smallMs('direct'),
        bareProxyMsPerRequestMedian: smallMs('bare'),
        addedMsPerRequestMedian: median(runs.map((run) => perRequest(run.small.gateway - run.small.direct, scale.gatewayRequests))),
        bareProxyOverDirectMedian: round(spreadOf(runs.map((run) => run.small.bare / run.small.direct)).median, 3),
        ...load,
      },
      verdict: verdictOf(smallVersusDirect, 1.1),
      notes: [common, smallRequest, 'the sandbox answers at once: the ratio is the cost of a second HTTP hop on the same 2 cores (see bareProxyOverDirect, and figures 17 and 19)', mirroring, machine],
    },
    {
      id: 16,
      name: 'gateway-stream',
      title: `${mib} MiB exports streamed through the gateway (${scale.gatewayExportsPerSlot} per slot)`,
      baseline: 'the same exports straight from the sandbox',
      target: STREAM_WALL_TARGET,
      ratioMeaning: 'gateway wall / direct wall (<= 1.111 is throughput >= 0.9x direct)',
      ratio: streamVersusDirect,
      absolute: {
        gatewayMiBPerSecondMedian: streamRate('gateway'),
        directMiBPerSecondMedian: streamRate('direct'),
        bareProxyMiBPerSecondMedian: streamRate('bare'),
        throughputRatioMedian: round(1 / streamVersusDirect.median, 3),
        ...load,
      },
      verdict: verdictOf(streamVersusDirect, STREAM_WALL_TARGET),
      notes: [common, 'the client reads and discards; the sandbox writes 64 KiB chunks with backpressure', mirroring, exportsPerSlot, machine],
    },
    {
      id: 17,
      name: 'gateway-small-gets-vs-bare-proxy',
      title: `${scale.gatewayRequests} small GETs at concurrency 8: the gateway against a bare proxy`,
      baseline: 'the same GETs through a bare node:http proxy (the floor of any proxy hop)',
      target: 1.1,
      ratioMeaning: 'gateway wall / bare proxy wall',
      ratio: smallVersusBare,
      absolute: { gatewayMsPerRequestMedian: smallMs('gateway'), bareProxyMsPerRequestMedian: smallMs('bare'), ...load },
      verdict: verdictOf(smallVersusBare, 1.1),
      notes: [common, smallRequest, bareProxy, 'the same runs as figure 15', mirroring, machine],
    },
    {
      id: 18,
      name: 'gateway-stream-vs-bare-proxy',
      title: `${mib} MiB exports (${scale.gatewayExportsPerSlot} per slot): the gateway against a bare proxy`,
      baseline: 'the same exports through a bare node:http proxy',
      target: STREAM_WALL_TARGET,
      ratioMeaning: 'gateway wall / bare proxy wall (<= 1.111 is throughput >= 0.9x)',
      ratio: streamVersusBare,
      absolute: { gatewayMiBPerSecondMedian: streamRate('gateway'), bareProxyMiBPerSecondMedian: streamRate('bare'), throughputRatioMedian: round(1 / streamVersusBare.median, 3), ...load },
      verdict: verdictOf(streamVersusBare, STREAM_WALL_TARGET),
      notes: [common, bareProxy, 'the same runs as figure 16', mirroring, exportsPerSlot, machine],
    },
    {
      id: 19,
      name: 'gateway-slow-winbooks',
      title: `${slowRequests} small GETs at concurrency 8 when Winbooks takes ${WINBOOKS_DELAY_MS} ms to answer`,
      baseline: `the same GETs straight to the sandbox, which answers ${WINBOOKS_DELAY_MS} ms late on both sides`,
      target: 1.1,
      ratioMeaning: 'gateway wall / direct wall',
      ratio: slowVersusDirect,
      absolute: {
        gatewayMsPerRequestMedian: median(runs.map((run) => perRequest(run.slow.gateway, slowRequests))),
        directMsPerRequestMedian: median(runs.map((run) => perRequest(run.slow.direct, slowRequests))),
        ...load,
      },
      verdict: verdictOf(slowVersusDirect, 1.1),
      notes: [
        common,
        `GET ${SLOW_PATH} (the sandbox's echo resource, answered ${WINBOOKS_DELAY_MS} ms late): what a user meets, since the live API is across the internet; a short delay on purpose, real calls take longer`,
        mirroring,
        machine,
      ],
    },
  ];
}
