import { TokenLifecycle } from '../electron/core/tokens/token-lifecycle';
import { COMPACTION_RATIO } from '../electron/core/vault/vault-journal';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import { measure, settle } from './measure';
import type { SandboxChild } from './sandbox-child';
import { round, spreadOf } from './stats';
import type { BenchVault } from './vault-fixture';
import { createBenchVault, fillVault } from './vault-fixture';

const TARGET_BYTES_PER_REFRESH = 4096;

interface SizeSetup {
  size: number;
  bench: BenchVault;
  lifecycle: TokenLifecycle;
  sample: string[];
}

interface SpreadRun {
  cpuMsPerRefresh: number;
  wallMsPerRefresh: number;
  writesPerRefresh: number;
  bytesPerRefresh: number;
}

/** A vault of `size` accounts on the sandbox, its lifecycle started, `sampleSize` of them exchanged once (warm). */
async function setUp(size: number, sampleSize: number, sandbox: SandboxChild): Promise<SizeSetup> {
  const prefix = `spread${size}-`;
  await sandbox.addGrants(prefix, size);
  const bench = await createBenchVault(`spread-${size}`);
  await fillVault(bench.vault, { prefix, count: size, host: sandbox.baseUrl, secrets: 'exchange-only' });
  const lifecycle = new TokenLifecycle({ client: createWinbooksTokenClient(), storage: bench.vault.storage });
  await lifecycle.start();
  const sample = lifecycle
    .list()
    .slice(0, sampleSize)
    .map((summary) => summary.id);
  for (const id of sample) await refreshOne(lifecycle, id); // the exchange; every measured one is a refresh-token POST
  return { size, bench, lifecycle, sample };
}

async function refreshOne(lifecycle: TokenLifecycle, id: string): Promise<void> {
  const summary = await lifecycle.refresh(id);
  if (summary.status !== 'ready') throw new Error(`Spread-out refresh of ${id} ended ${summary.status}: ${JSON.stringify(summary.lastError)}`);
}

/** `count` refreshes one after the other, each awaited: each is its own durable save, as scheduled refreshes are. */
async function spreadRun(setup: SizeSetup, count: number, offset: number): Promise<SpreadRun> {
  const { vault } = setup.bench;
  const [writes, bytes] = [vault.writeCount, vault.bytesWritten];
  const cost = await measure(async () => {
    for (let index = 0; index < count; index += 1) await refreshOne(setup.lifecycle, setup.sample[(offset + index) % setup.sample.length] ?? '');
  });
  return {
    cpuMsPerRefresh: cost.cpuMs / count,
    wallMsPerRefresh: cost.wallMs / count,
    writesPerRefresh: (vault.writeCount - writes) / count,
    bytesPerRefresh: (vault.bytesWritten - bytes) / count,
  };
}

/**
 * Figures 10-11: scheduled refreshes come one at a time; each must be durable before the next. Through the real
 * TokenLifecycle and vault against the sandbox (child process), at few, 1,000 and 10,000 accounts: CPU per refresh
 * (10,000 vs few: what a refresh costs must not grow with the vault) and bytes written per refresh.
 */
export async function spreadFigures(scale: BenchScale, sandbox: SandboxChild): Promise<FigureResult[]> {
  const count = scale.spreadRefreshes;
  const sizes = [scale.fewAccounts, scale.accounts, scale.vaultAccounts];
  const setups: SizeSetup[] = [];
  try {
    for (const size of sizes) setups.push(await setUp(size, Math.min(size, count), sandbox));
    const runs = new Map<number, SpreadRun[]>(sizes.map((size) => [size, []]));
    for (let run = 0; run < scale.runs; run += 1) {
      // Sizes in turn, reversed every other run, so drift over the run weighs on each alike.
      const order = run % 2 === 0 ? setups : [...setups].reverse();
      for (const setup of order) {
        await settle();
        runs.get(setup.size)?.push(await spreadRun(setup, count, run * count));
      }
    }
    return describeSpread(runs, sizes, scale);
  } finally {
    for (const setup of setups) {
      setup.lifecycle.stop();
      await setup.bench.remove();
    }
  }
}

function describeSpread(runs: Map<number, SpreadRun[]>, sizes: number[], scale: BenchScale): FigureResult[] {
  const [few, mid, large] = sizes as [number, number, number];
  const of = (size: number): SpreadRun[] => runs.get(size) ?? [];
  const median = (size: number, pick: (run: SpreadRun) => number): number => round(spreadOf(of(size).map(pick)).median);
  const cpuRatio = spreadOf(of(large).map((run, index) => run.cpuMsPerRefresh / (of(few)[index]?.cpuMsPerRefresh ?? Number.NaN)));
  // Compaction rewrites the file once appends made it COMPACTION_RATIO times its compacted size: per appended byte
  // it writes at most 1 / (COMPACTION_RATIO - 1) more. The bound below adds that to what the runs appended.
  const amortised = (run: SpreadRun): number => run.bytesPerRefresh * (1 + 1 / (COMPACTION_RATIO - 1));
  const bytesRatio = spreadOf(of(large).map((run) => amortised(run) / TARGET_BYTES_PER_REFRESH));
  const common = `${scale.spreadRefreshes} refreshes per vault size per run, one after the other (each durable before the next), sandbox in a child process`;
  return [
    {
      id: 10,
      name: 'spread-cpu',
      title: `CPU per spread-out refresh, ${large} accounts`,
      baseline: `the same with ${few} accounts`,
      target: 1.5,
      ratioMeaning: `CPU per refresh with ${large} accounts / with ${few} (process.cpuUsage of the bench process: lifecycle, vault, client)`,
      ratio: cpuRatio,
      absolute: {
        [`cpuMsPerRefresh${few}`]: median(few, (run) => run.cpuMsPerRefresh),
        [`cpuMsPerRefresh${mid}`]: median(mid, (run) => run.cpuMsPerRefresh),
        [`cpuMsPerRefresh${large}`]: median(large, (run) => run.cpuMsPerRefresh),
        [`wallMsPerRefresh${few}`]: median(few, (run) => run.wallMsPerRefresh),
        [`wallMsPerRefresh${large}`]: median(large, (run) => run.wallMsPerRefresh),
      },
      verdict: verdictOf(cpuRatio, 1.5),
      notes: [common, 'sizes measured in turn, the order reversed every other run'],
    },
    {
      id: 11,
      name: 'spread-bytes',
      title: `Bytes written per spread-out refresh, ${large} accounts`,
      baseline: `${TARGET_BYTES_PER_REFRESH} bytes (4 KiB) per refresh`,
      target: 1,
      ratioMeaning: `(bytes the vault wrote per refresh x ${1 + 1 / (COMPACTION_RATIO - 1)}, the compaction bound) / 4 KiB`,
      ratio: bytesRatio,
      absolute: {
        [`bytesPerRefresh${mid}`]: median(mid, (run) => run.bytesPerRefresh),
        [`bytesPerRefresh${large}`]: median(large, (run) => run.bytesPerRefresh),
        [`amortisedBoundBytes${large}`]: median(large, amortised),
        [`writesPerRefresh${mid}`]: median(mid, (run) => run.writesPerRefresh),
        [`writesPerRefresh${large}`]: median(large, (run) => run.writesPerRefresh),
      },
      verdict: verdictOf(bytesRatio, 1),
      notes: [
        common,
        'bytes handed to write() by the vault (vault.bytesWritten), fsyncs not counted; a compaction falling inside a run counts in full',
        `compaction triggers when the file exceeds ${COMPACTION_RATIO}x its compacted size plus 64 KiB, so the whole-file rewrites add at most the appended bytes again`,
      ],
    },
  ];
}
