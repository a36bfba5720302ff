import { spawn } from 'node:child_process';
import { access, mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import { settle } from './measure';
import { round, spreadOf } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = 1.2;

/** Wall time (ms) of one process from spawn to exit; fails unless it exits 0. */
function timedRun(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - start;
      if (code === 0) resolve(wallMs);
      else reject(new Error(`${file} ${args.join(' ')} exited ${code}: ${Buffer.concat(stderr).toString('utf8').slice(0, 300)}`));
    });
  });
}

async function firstExisting(paths: readonly string[]): Promise<string | null> {
  for (const path of paths) {
    try {
      await access(path);
      return path;
    } catch {
      // not built here
    }
  }
  return null;
}

/** A B B A (B A A B on odd runs), `repeats` processes each time: returns the ratio of the sums and the mean walls. */
async function mirroredProcesses(run: number, repeats: number, a: () => Promise<number>, b: () => Promise<number>): Promise<{ ratio: number; aMs: number; bMs: number }> {
  let aSum = 0;
  let bSum = 0;
  const side = async (which: 'a' | 'b'): Promise<void> => {
    for (let index = 0; index < repeats; index += 1) {
      if (which === 'a') aSum += await a();
      else bSum += await b();
    }
  };
  const order: ('a' | 'b')[] = run % 2 === 0 ? ['a', 'b', 'b', 'a'] : ['b', 'a', 'a', 'b'];
  for (const which of order) await side(which);
  return { ratio: bSum / aSum, aMs: aSum / (2 * repeats), bMs: bSum / (2 * repeats) };
}

/**
 * Figure 14: `winbooks-token get <account>` (the bundle on this Node, a real round trip to the CLI server of the
 * real lifecycle over the sandbox, token still fresh) against `node -e ""` on the same Node, same run.
 * The standalone binary, when built, is measured the same way and reported beside it.
 */
export async function cliFigure(scale: BenchScale, log: (line: string) => void): Promise<FigureResult> {
  const { startCliHarness } = await import('../tests/cli/cli-harness');
  const { DATA_DIRECTORY_ENV } = await import('../electron/core/command-line/app-data-dir');
  const work = await mkdtemp(join(tmpdir(), 'wtm-bench-cli-'));
  const bundle = join(work, 'winbooks-token.cjs');
  const harness = await startCliHarness();
  try {
    log('bench: building the CLI bundle...');
    await timedRun(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--outfile', bundle], process.env);
    await harness.addAccount('Acme Bakery', 'accounting@acme.example.be', { accessLifetimeSeconds: 3600 });
    const env = { ...process.env, [DATA_DIRECTORY_ENV]: harness.dataDirectory };
    const bare = (): Promise<number> => timedRun(process.execPath, ['-e', ''], env);
    const cli = (): Promise<number> => timedRun(process.execPath, [bundle, 'get', 'Acme Bakery'], env);
    // The standalone binary is built from this very bundle (a stale one would measure old code); not in smoke mode.
    const standalone = scale.mode === 'smoke' || process.platform !== 'linux' ? null : await buildStandalone(bundle, work, log);
    const binary = standalone === null ? null : (): Promise<number> => timedRun(standalone, ['get', 'Acme Bakery'], env);
    const repeats = scale.mode === 'smoke' ? 1 : 5;
    const loadBefore = loadavg()[0] ?? 0;

    await bare();
    await cli();
    await binary?.();
    const ratios: number[] = [];
    const binaryRatios: number[] = [];
    const bareMs: number[] = [];
    const cliMs: number[] = [];
    for (let run = 0; run < scale.runs; run += 1) {
      await settle();
      const measured = await mirroredProcesses(run, repeats, bare, cli);
      ratios.push(measured.ratio);
      bareMs.push(measured.aMs);
      cliMs.push(measured.bMs);
      if (binary !== null) binaryRatios.push((await mirroredProcesses(run, repeats, bare, binary)).ratio);
    }
    const ratio = spreadOf(ratios);
    const binarySpread = binaryRatios.length > 0 ? spreadOf(binaryRatios) : null;
    const loadAfter = loadavg()[0] ?? 0;
    return {
      id: 14,
      name: 'cli-start',
      title: 'winbooks-token get, one fresh token from the running app',
      baseline: '`node -e ""` on the same Node',
      target: TARGET,
      ratioMeaning: 'CLI process wall (bundle on Node, start to exit, socket round trip included) / bare node process wall',
      ratio,
      absolute: {
        bareNodeMsMedian: round(spreadOf(bareMs).median),
        cliMsMedian: round(spreadOf(cliMs).median),
        bundleKiB: round((await stat(bundle)).size / 1024),
        ...(binarySpread === null
          ? {}
          : { standaloneRatioMin: round(binarySpread.min, 3), standaloneRatioMedian: round(binarySpread.median, 3), standaloneRatioMax: round(binarySpread.max, 3) }),
        loadAverageBefore: round(loadBefore, 3),
        loadAverageAfter: round(loadAfter, 3),
      },
      verdict: verdictOf(ratio, TARGET),
      notes: [
        `each run: ${repeats} processes per side in mirrored order (A B B A), ratio of the sums`,
        binarySpread === null
          ? 'standalone binary not measured (smoke mode, or not on Linux)'
          : 'standalone binary (Node SEA with code cache) built in this run from the same bundle, measured the same way: ratio min / median / max above',
        `load average (1 min) ${round(loadBefore, 3)} before, ${round(loadAfter, 3)} after`,
      ],
    };
  } finally {
    await harness.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Builds this machine's standalone binary from `bundle` into `work` (scripts/build-cli-binary.mjs); null if that fails. */
async function buildStandalone(bundle: string, work: string, log: (line: string) => void): Promise<string | null> {
  log('bench: building the standalone CLI binary from the same bundle...');
  const out = join(work, 'bin');
  try {
    await timedRun(process.execPath, [join(ROOT, 'scripts', 'build-cli-binary.mjs'), '--target', 'linux-x64', '--out', out, '--bundle', bundle], process.env);
  } catch (error) {
    log(`bench: the standalone binary could not be built (${error instanceof Error ? error.message : String(error)}): not measured`);
    return null;
  }
  return firstExisting([join(out, 'linux-x64', 'winbooks-token'), join(out, 'winbooks-token')]);
}
