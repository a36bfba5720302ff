import { createCipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { AccountsChange } from '../electron/core/tokens/lifecycle-api';
import { InMemoryAccountStorage } from '../electron/core/tokens/in-memory-storage';
import { TokenLifecycle } from '../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import type { BareGrant } from './bare-token-posts';
import { bareTokenPosts, bareTransport } from './bare-token-posts';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import type { Cost } from './measure';
import { measure, mirroredAll, settle } from './measure';
import type { SandboxChild } from './sandbox-child';
import { newAccessToken, newRefreshToken } from '../tests/sandbox/sandbox-tokens';
import { benchGrant } from './sandbox-protocol';
import { round, spreadOf } from './stats';
import type { BenchVault } from './vault-fixture';
import { createBenchVault, fillVault, fixtureAccount } from './vault-fixture';

interface RefreshRun {
  /** The baseline: a bare script on the app's own node:http transport, same server, same concurrency. */
  bare: Cost;
  lifecycle: Cost;
  /** Context only: the same bare script on fetch, and the lifecycle without encryption or disk. */
  bareFetch: Cost;
  lifecycleInMemory: Cost;
  /** CPU of the least crypto any encrypted, authenticated store must add per refresh (sealAndMacFloor), same run. */
  floorCpuMs: number;
  writes: number;
  events: number;
}

/** After refreshAll resolved: a second handle opening the vault from disk must already see every new refresh. */
async function assertAllDurable(bench: BenchVault, expected: number, since: number): Promise<void> {
  const reader = await bench.open();
  try {
    const fresh = (await reader.storage.loadRecords()).filter((record) => record.lastRefreshAt !== null && record.lastRefreshAt >= since).length;
    if (fresh !== expected) throw new Error(`Only ${fresh} of ${expected} refreshes were on disk when refreshAll resolved.`);
  } finally {
    await reader.close();
  }
}

function lifecycleOn(storage: ConstructorParameters<typeof TokenLifecycle>[0]['storage'], concurrency: number): TokenLifecycle {
  return new TokenLifecycle({ client: createWinbooksTokenClient(), storage, maxConcurrentRequests: concurrency });
}

async function refreshEvery(lifecycle: TokenLifecycle, count: number): Promise<void> {
  const report = await lifecycle.refreshAll();
  if (report.refreshed !== count) throw new Error(`refreshAll refreshed ${report.refreshed} of ${count}: ${JSON.stringify(report.failed[0] ?? null)}`);
}

/**
 * Figures 1-3: N accounts refreshed through the real TokenLifecycle (vault in a temp dir, AES-GCM secrets, group
 * commit, the durable refresh mark before each refresh token leaves, change events with a listener) against the
 * sandbox in a child process, vs a bare script posting the same N refreshes on the same node:http transport.
 */
export async function refreshFigures(scale: BenchScale, sandbox: SandboxChild): Promise<FigureResult[]> {
  const count = scale.accounts;
  const loadBefore = loadavg()[0] ?? 0;
  for (const prefix of ['life', 'http', 'fetch', 'mem']) await sandbox.addGrants(prefix, count);
  const bench = await createBenchVault('refresh');
  try {
    await fillVault(bench.vault, { prefix: 'life', count, host: sandbox.baseUrl, secrets: 'exchange-only' });
    const lifecycle = lifecycleOn(bench.vault.storage, scale.concurrency);
    let events = 0;
    const unsubscribe = lifecycle.onChange((change: AccountsChange) => {
      events += change.changed.length + change.removed.length;
    });
    const memory = new InMemoryAccountStorage();
    for (let index = 0; index < count; index += 1) {
      const { record, secrets } = fixtureAccount({ prefix: 'mem', count, host: sandbox.baseUrl, secrets: 'exchange-only' }, index);
      await memory.save(record, secrets);
    }
    const inMemory = lifecycleOn(memory, scale.concurrency);
    await lifecycle.start();
    await inMemory.start();
    const grantsOf = (prefix: string): BareGrant[] => Array.from({ length: count }, (_, index) => ({ ...benchGrant(prefix, index), refreshToken: null }));
    const httpGrants = grantsOf('http');
    const fetchGrants = grantsOf('fetch');
    const nodeHttp = bareTransport('node-http');
    const fetchTransport = bareTransport('fetch');

    // Warm-up (not measured): every side exchanges once, so every timed run is a refresh-token POST, JIT warm.
    await bareTokenPosts(sandbox.baseUrl, httpGrants, scale.concurrency, nodeHttp);
    await bareTokenPosts(sandbox.baseUrl, fetchGrants, scale.concurrency, fetchTransport);
    await refreshEvery(lifecycle, count);
    await refreshEvery(inMemory, count);

    const runs: RefreshRun[] = [];
    for (let run = 0; run < scale.runs; run += 1) {
      await settle();
      let writes = 0;
      let runEvents = 0;
      // All three sides in one mirrored order (A B C C B A): the in-memory lifecycle is context, but measured
      // after the vault side alone it would pay that side's garbage collection debt.
      const [bare, life, lifeInMemory] = await mirroredAll(run, [
        () => measure(() => bareTokenPosts(sandbox.baseUrl, httpGrants, scale.concurrency, nodeHttp)),
        async () => {
          const since = Date.now();
          const writesBefore = bench.vault.writeCount;
          const eventsBefore = events;
          const cost = await measure(() => refreshEvery(lifecycle, count));
          writes += bench.vault.writeCount - writesBefore;
          runEvents += events - eventsBefore;
          await assertAllDurable(bench, count, since);
          return cost;
        },
        () => measure(() => refreshEvery(inMemory, count)),
      ]);
      if (bare === undefined || life === undefined || lifeInMemory === undefined) throw new Error('mirroredAll returned fewer sides than given');
      await settle();
      const bareFetch = await measure(() => bareTokenPosts(sandbox.baseUrl, fetchGrants, scale.concurrency, fetchTransport));
      const floorCpuMs = await sealAndMacFloor(count);
      // Each run refreshed every account twice per side (mirrored order): the figures are per refresh round.
      runs.push({ bare: halve(bare), lifecycle: halve(life), bareFetch, lifecycleInMemory: halve(lifeInMemory), floorCpuMs, writes: writes / 2, events: runEvents / 2 });
    }
    unsubscribe();
    lifecycle.stop();
    inMemory.stop();
    return describeRuns(runs, count, scale, [loadBefore, loadavg()[0] ?? 0]);
  } finally {
    await bench.remove();
  }
}

/**
 * The crypto floor of one durable, encrypted refresh, with node:crypto at its cheapest (KeyObjects made once, one
 * random buffer for every nonce): two AES-256-GCM seals (the new refresh and access tokens) and two HMAC-SHA256 over
 * a 1 KiB line (the mark and the result). No JSON, no file, no fsync: what the vault cannot go below.
 */
async function sealAndMacFloor(count: number): Promise<number> {
  const sealKey = createSecretKey(randomBytes(32));
  const macKey = createSecretKey(randomBytes(32));
  const nonces = randomBytes(12 * 2 * count);
  const tokens = [JSON.stringify(newRefreshToken()), JSON.stringify(newAccessToken())];
  const line = 'x'.repeat(1024);
  // The outputs' lengths are summed and checked so that no step is work whose result nobody reads.
  let produced = 0;
  const cost = await measure(() => {
    for (let index = 0; index < count; index += 1) {
      for (const [which, token] of tokens.entries()) {
        const nonce = nonces.subarray((2 * index + which) * 12, (2 * index + which + 1) * 12);
        const cipher = createCipheriv('aes-256-gcm', sealKey, nonce);
        cipher.setAAD(Buffer.from('context'));
        produced += Buffer.concat([cipher.update(token, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64').length;
        produced += createHmac('sha256', macKey).update(line).digest('base64url').length;
      }
    }
    return Promise.resolve();
  });
  if (produced === 0) throw new Error('the crypto floor produced nothing');
  return cost.cpuMs;
}

function halve(cost: Cost): Cost {
  return { wallMs: cost.wallMs / 2, cpuMs: cost.cpuMs / 2 };
}

function median(values: number[]): number {
  return round(spreadOf(values).median);
}

function describeRuns(runs: RefreshRun[], count: number, scale: BenchScale, load: [number, number]): FigureResult[] {
  const wall = spreadOf(runs.map((run) => run.lifecycle.wallMs / run.bare.wallMs));
  const cpu = spreadOf(runs.map((run) => run.lifecycle.cpuMs / run.bare.cpuMs));
  const writes = spreadOf(runs.map((run) => run.writes / count));
  const perRefresh = (pick: (run: RefreshRun) => Cost): number => median(runs.map((run) => pick(run).cpuMs / count));
  const common = `${count} accounts, concurrency ${scale.concurrency}, sandbox in a child process on loopback; load average (1 min) ${round(load[0])} before, ${round(load[1])} after`;
  const order = 'each run: bare, lifecycle and in-memory lifecycle twice each in mirrored order (A B C C B A, reversed on odd runs), ratio of the sums';
  return [
    {
      id: 1,
      name: 'refresh-wall',
      title: `Wall time to refresh ${count} accounts through the lifecycle`,
      baseline: `bare script on the same node:http transport, ${count} token POSTs`,
      target: 1.2,
      ratioMeaning: 'lifecycle wall / bare node:http wall',
      ratio: wall,
      absolute: {
        lifecycleWallMsMedian: median(runs.map((run) => run.lifecycle.wallMs)),
        bareNodeHttpWallMsMedian: median(runs.map((run) => run.bare.wallMs)),
        bareFetchWallMsMedian: median(runs.map((run) => run.bareFetch.wallMs)),
        loadAverageBefore: round(load[0]),
        loadAverageAfter: round(load[1]),
      },
      verdict: verdictOf(wall, 1.2),
      notes: [
        common,
        order,
        'vault in a temp dir (AES-256-GCM secrets, group commit, fsync), each refresh durably marked as sent before its refresh token leaves, change listener attached; refreshAll resolves once every refresh is durable (checked by opening the vault again)',
        'bareFetch* is context only: the same bare script on fetch, measured once per run outside the mirrored pair',
      ],
    },
    {
      id: 2,
      name: 'refresh-cpu',
      title: 'CPU time per refresh (same runs)',
      baseline: "bare node:http script's CPU per POST",
      target: 1.5,
      ratioMeaning: 'lifecycle CPU / bare node:http CPU (process.cpuUsage of the bench process; the sandbox CPU is in its child, not counted)',
      ratio: cpu,
      absolute: {
        lifecycleCpuMsPerRefreshMedian: perRefresh((run) => run.lifecycle),
        bareNodeHttpCpuMsPerPostMedian: perRefresh((run) => run.bare),
        lifecycleInMemoryCpuMsPerRefreshMedian: perRefresh((run) => run.lifecycleInMemory),
        // Where the ratio comes from: the lifecycle's own work (in-memory storage vs bare), then the vault's.
        inMemoryOverBareCpuMedian: median(runs.map((run) => run.lifecycleInMemory.cpuMs / run.bare.cpuMs)),
        vaultOverInMemoryCpuMedian: median(runs.map((run) => run.lifecycle.cpuMs / run.lifecycleInMemory.cpuMs)),
        sealAndMacFloorCpuMsPerRefreshMedian: median(runs.map((run) => run.floorCpuMs / count)),
        bareWithFloorOverBareCpuMedian: median(runs.map((run) => (run.bare.cpuMs + run.floorCpuMs) / run.bare.cpuMs)),
        bareFetchCpuMsPerPostMedian: perRefresh((run) => run.bareFetch),
      },
      verdict: verdictOf(cpu, 1.5),
      notes: [
        common,
        order,
        'sealAndMacFloor*: two AES-256-GCM seals and two HMAC-SHA256 of a 1 KiB line per refresh with raw node:crypto (KeyObjects, no JSON, no file), once per run: bareWithFloorOverBare is the least ratio any store that encrypts and authenticates each refresh could reach, before writing a byte',
        'lifecycleInMemory*: the same lifecycle and client on the in-memory test storage (no encryption, no disk), in the same mirrored order: inMemoryOverBare is the lifecycle\'s own cost, vaultOverInMemory what the vault\'s durability adds (the mark made durable before each refresh token leaves, two AES-GCM seals, two MACed and chained lines, fsyncs, compaction)',
      ],
    },
    {
      id: 3,
      name: 'refresh-writes',
      title: `File writes for ${count} refreshes`,
      baseline: `${count} (one write per refresh)`,
      target: 50 / 1000,
      ratioMeaning: 'vault.writeCount / refreshes (target: <= 50 writes per 1,000)',
      ratio: writes,
      absolute: {
        writesMedian: median(runs.map((run) => run.writes)),
        changeEventsPerRunMedian: median(runs.map((run) => run.events)),
      },
      verdict: verdictOf(writes, 50 / 1000),
      notes: ['writes per refresh round (mean of the two rounds of a run), the marks before sending included', 'every run checks that the vault on disk holds all refreshes when refreshAll resolves'],
    },
  ];
}
