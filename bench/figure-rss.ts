import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import type { RssReport } from './rss-process';
import { round, spreadOf } from './stats';
import type { BenchVault } from './vault-fixture';
import { createBenchVault, fillVault } from './vault-fixture';

const MIB = 1024 * 1024;
const MAX_RUNS = 5;

function rssRun(vault: BenchVault, count: number, warm: BenchVault, warmCount: number): Promise<RssReport> {
  const entry = fileURLToPath(new URL('./rss-process.ts', import.meta.url));
  const args = [vault.directory, String(count), vault.os.keyHex(), warm.directory, String(warmCount), warm.os.keyHex()];
  const child = fork(entry, args, { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let report: RssReport | null = null;
    child.on('message', (message: RssReport) => {
      report = message;
    });
    child.once('exit', (code) => {
      if (code === 0 && report !== null) resolve(report);
      else reject(new Error(`The RSS bench child for ${count} accounts exited with code ${String(code)}.`));
    });
  });
}

function growthMiB(report: RssReport): number {
  return (report.rssAfterBytes - report.rssBeforeBytes) / MIB;
}

/**
 * Figure 12: resident memory (RSS) of a fresh child process holding 1,000 and 10,000 accounts: vault open,
 * lifecycle started, a token taken for each (secrets decrypted and kept). The vaults are made here, with realistic
 * token-shaped secrets; each child only opens one. Ratio: growth at 10,000 / growth at 1,000 (10 = linear).
 */
export async function rssFigure(scale: BenchScale): Promise<FigureResult> {
  const [small, large, warmCount] = [scale.accounts, scale.vaultAccounts, scale.fewAccounts];
  const vaults: BenchVault[] = [];
  try {
    for (const [label, count] of [['rss-small', small], ['rss-large', large], ['rss-warm', warmCount]] as const) {
      const vault = await createBenchVault(label);
      vaults.push(vault);
      await fillVault(vault.vault, { prefix: label, count, host: 'https://rapi.winbooksonweb.be', secrets: 'realistic' });
      await vault.vault.close();
    }
    const [smallVault, largeVault, warmVault] = vaults as [BenchVault, BenchVault, BenchVault];
    const smallRuns: RssReport[] = [];
    const largeRuns: RssReport[] = [];
    for (let run = 0; run < Math.min(scale.runs, MAX_RUNS); run += 1) {
      smallRuns.push(await rssRun(smallVault, small, warmVault, warmCount));
      largeRuns.push(await rssRun(largeVault, large, warmVault, warmCount));
    }
    const ratio = spreadOf(largeRuns.map((report, index) => growthMiB(report) / Math.max(growthMiB(smallRuns[index] ?? report), 0.001)));
    const median = (reports: RssReport[], pick: (report: RssReport) => number): number => round(spreadOf(reports.map(pick)).median);
    return {
      id: 12,
      name: 'rss',
      title: `Resident memory holding ${large} accounts`,
      baseline: `holding ${small}`,
      target: null,
      ratioMeaning: `RSS growth with ${large} / RSS growth with ${small} (${large / small} = linear)`,
      ratio,
      absolute: {
        [`rssMiB${small}`]: median(smallRuns, (report) => report.rssAfterBytes / MIB),
        [`rssMiB${large}`]: median(largeRuns, (report) => report.rssAfterBytes / MIB),
        [`rssGrowthMiB${small}`]: median(smallRuns, growthMiB),
        [`rssGrowthMiB${large}`]: median(largeRuns, growthMiB),
        [`heapMiB${large}`]: median(largeRuns, (report) => report.heapAfterBytes / MIB),
        rssGrowthMiBPer1000: median(largeRuns, (report) => (growthMiB(report) / large) * 1000),
      },
      verdict: verdictOf(ratio, null),
      notes: [`each measurement in a fresh child process (--expose-gc, two full GCs before each reading); ${Math.min(scale.runs, MAX_RUNS)} runs`, 'baseline reading after the same code ran once on a tiny vault, so code and JIT are not counted as accounts'],
    };
  } finally {
    for (const vault of vaults) await vault.remove();
  }
}
