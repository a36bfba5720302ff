import type { AccountsChange } from '../electron/core/tokens/lifecycle-api';
import { TokenLifecycle } from '../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import type { BareGrant } from './bare-token-posts';
import { bareTokenPosts } from './bare-token-posts';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import type { Cost } from './measure';
import { measure, mirrored, settle } from './measure';
import type { SandboxChild } from './sandbox-child';
import { benchGrant } from './sandbox-protocol';
import { round, spreadOf } from './stats';
import { accountsOnDisk, createBenchVault, fillVault } from './vault-fixture';

interface RefreshRun {
  bare: Cost;
  bareNodeHttp: Cost;
  lifecycle: Cost;
  writes: number;
  events: number;
}

/** After refreshAll resolved: the file on disk must already hold every account's new refresh instant. */
async function assertAllDurable(path: string, expected: number, since: number): Promise<void> {
  const accounts = [...(await accountsOnDisk(path)).values()];
  const fresh = accounts.filter((account) => typeof account.lastRefreshAt === 'number' && account.lastRefreshAt >= since).length;
  if (fresh !== expected) throw new Error(`Only ${fresh} of ${expected} refreshes were on disk when refreshAll resolved.`);
}

/**
 * Figures 1-3: N accounts refreshed through the real TokenLifecycle (vault in a temp dir, AES-GCM secrets, group
 * commit, change events with a listener) against the sandbox in a child process, vs N bare fetch POSTs.
 */
export async function refreshFigures(scale: BenchScale, sandbox: SandboxChild): Promise<FigureResult[]> {
  const count = scale.accounts;
  await sandbox.addGrants('life', count);
  await sandbox.addGrants('bare', count);
  await sandbox.addGrants('http', count);
  const bench = await createBenchVault('refresh');
  try {
    await fillVault(bench.vault, { prefix: 'life', count, host: sandbox.baseUrl, secrets: 'exchange-only' });
    const lifecycle = new TokenLifecycle({ client: createWinbooksTokenClient(), storage: bench.vault.storage, maxConcurrentRequests: scale.concurrency });
    let events = 0;
    const unsubscribe = lifecycle.onChange((change: AccountsChange) => {
      events += change.changed.length + change.removed.length;
    });
    await lifecycle.start();
    const bareGrants: BareGrant[] = Array.from({ length: count }, (_, index) => ({ ...benchGrant('bare', index), refreshToken: null }));
    const httpGrants: BareGrant[] = Array.from({ length: count }, (_, index) => ({ ...benchGrant('http', index), refreshToken: null }));

    const refreshAll = async (): Promise<void> => {
      const report = await lifecycle.refreshAll();
      if (report.refreshed !== count) throw new Error(`refreshAll refreshed ${report.refreshed} of ${count}: ${JSON.stringify(report.failed[0] ?? null)}`);
    };
    // Warm-up (not measured): both sides exchange once, so every timed run is a refresh-token POST, JIT warm.
    await bareTokenPosts(sandbox.baseUrl, bareGrants, scale.concurrency);
    await bareTokenPosts(sandbox.baseUrl, httpGrants, scale.concurrency, 'node-http');
    await refreshAll();

    const runs: RefreshRun[] = [];
    for (let run = 0; run < scale.runs; run += 1) {
      await settle();
      let writes = 0;
      let runEvents = 0;
      const [bare, life] = await mirrored(
        run,
        () => measure(() => bareTokenPosts(sandbox.baseUrl, bareGrants, scale.concurrency)),
        async () => {
          const since = Date.now();
          const writesBefore = bench.vault.writeCount;
          const eventsBefore = events;
          const cost = await measure(refreshAll);
          writes += bench.vault.writeCount - writesBefore;
          runEvents += events - eventsBefore;
          await assertAllDurable(bench.vault.path, count, since);
          return cost;
        },
      );
      await settle();
      const bareNodeHttp = await measure(() => bareTokenPosts(sandbox.baseUrl, httpGrants, scale.concurrency, 'node-http'));
      // Each run refreshed every account twice (mirrored order): the figures are per refresh round.
      runs.push({ bare: halve(bare), bareNodeHttp, lifecycle: halve(life), writes: writes / 2, events: runEvents / 2 });
    }
    unsubscribe();
    lifecycle.stop();
    return describeRuns(runs, count, scale);
  } finally {
    await bench.remove();
  }
}

function halve(cost: Cost): Cost {
  return { wallMs: cost.wallMs / 2, cpuMs: cost.cpuMs / 2 };
}

function median(values: number[]): number {
  return round(spreadOf(values).median);
}

function describeRuns(runs: RefreshRun[], count: number, scale: BenchScale): FigureResult[] {
  const wall = spreadOf(runs.map((run) => run.lifecycle.wallMs / run.bare.wallMs));
  const cpu = spreadOf(runs.map((run) => run.lifecycle.cpuMs / run.bare.cpuMs));
  const writes = spreadOf(runs.map((run) => run.writes / count));
  const common = `${count} accounts, concurrency ${scale.concurrency}, sandbox in a child process on loopback`;
  return [
    {
      id: 1,
      name: 'refresh-wall',
      title: `Wall time to refresh ${count} accounts through the lifecycle`,
      baseline: `bare fetch script, ${count} token POSTs`,
      target: 1.15,
      ratioMeaning: 'lifecycle wall / bare wall',
      ratio: wall,
      absolute: {
        lifecycleWallMsMedian: median(runs.map((run) => run.lifecycle.wallMs)),
        bareWallMsMedian: median(runs.map((run) => run.bare.wallMs)),
        bareNodeHttpWallMsMedian: median(runs.map((run) => run.bareNodeHttp.wallMs)),
        lifecycleOverBareNodeHttpWallMedian: median(runs.map((run) => run.lifecycle.wallMs / run.bareNodeHttp.wallMs)),
      },
      verdict: verdictOf(wall, 1.15),
      notes: [
        common,
        'each run: both sides twice in mirrored order (A B B A), ratio of the sums',
        'vault in a temp dir (AES-256-GCM secrets, group commit, fsync), change listener attached; refreshAll resolves once every refresh is durable',
        "the app's client posts with node:http (keep-alive), cheaper than fetch: lifecycleOverBareNodeHttp* compares it with a bare script on that same transport, i.e. the lifecycle's own overhead",
      ],
    },
    {
      id: 2,
      name: 'refresh-cpu',
      title: 'CPU time per refresh (same runs)',
      baseline: "bare script's CPU per POST",
      target: 1.5,
      ratioMeaning: 'lifecycle CPU / bare CPU (process.cpuUsage of the bench process; the sandbox CPU is in its child, not counted)',
      ratio: cpu,
      absolute: {
        lifecycleCpuMsPerRefreshMedian: median(runs.map((run) => run.lifecycle.cpuMs / count)),
        bareCpuMsPerPostMedian: median(runs.map((run) => run.bare.cpuMs / count)),
        bareNodeHttpCpuMsPerPostMedian: median(runs.map((run) => run.bareNodeHttp.cpuMs / count)),
        lifecycleOverBareNodeHttpCpuMedian: median(runs.map((run) => run.lifecycle.cpuMs / run.bareNodeHttp.cpuMs)),
      },
      verdict: verdictOf(cpu, 1.5),
      notes: [common],
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
      notes: ['writes per refresh round (mean of the two rounds of a run)', 'every run checks that the vault file on disk holds all refreshes when refreshAll resolves'],
    },
  ];
}
