import { decryptFigure } from './figure-decrypt';
import { heapFigure } from './figure-heap';
import { openFigure } from './figure-open';
import { refreshFigures } from './figure-refresh';
import { browserFigures } from './figure-browser';
import { bundleFigure } from './figure-bundle';
import { cliFigure } from './figure-cli';
import { gatewayFigures } from './figure-gateway';
import { rssFigure } from './figure-rss';
import { spreadFigures } from './figure-spread';
import type { BenchScale, FigureResult } from './figure';
import { machineInfo } from './machine';
import { startLoadSampler } from './load-sampler';
import type { BenchReport } from './report';
import { SandboxChild } from './sandbox-child';
import { createBenchVault, fillVault } from './vault-fixture';

export type FigureGroup = 'refresh' | 'open' | 'decrypt' | 'browser' | 'heap' | 'bundle' | 'spread' | 'rss' | 'cli' | 'gateway';

/** Which group measures each figure (figures 1-3 come from the same runs, as do 6-7, 10-11 and 15-19). */
export const GROUP_OF_FIGURE: Record<number, FigureGroup> = {
  1: 'refresh',
  2: 'refresh',
  3: 'refresh',
  4: 'open',
  5: 'decrypt',
  6: 'browser',
  7: 'browser',
  8: 'heap',
  9: 'bundle',
  10: 'spread',
  11: 'spread',
  12: 'rss',
  14: 'cli',
  15: 'gateway',
  16: 'gateway',
  17: 'gateway',
  18: 'gateway',
  19: 'gateway',
};
export const FIGURE_NAMES: Record<string, number> = {
  'refresh-wall': 1,
  'refresh-cpu': 2,
  'refresh-writes': 3,
  'open-and-list': 4,
  'decrypt-all': 5,
  'countdown-tick': 6,
  'first-render': 7,
  heap: 8,
  'renderer-weight': 9,
  'spread-cpu': 10,
  'spread-bytes': 11,
  rss: 12,
  'cli-start': 14,
  'gateway-small-gets': 15,
  'gateway-stream': 16,
  'gateway-small-gets-vs-bare-proxy': 17,
  'gateway-stream-vs-bare-proxy': 18,
  'gateway-slow-winbooks': 19,
};
const ALL_GROUPS: FigureGroup[] = ['refresh', 'open', 'decrypt', 'heap', 'spread', 'rss', 'cli', 'gateway', 'browser', 'bundle'];

/** "2", "refresh-cpu" or a group name ("refresh") to the groups to run. */
export function groupsFor(selectors: readonly string[]): FigureGroup[] {
  if (selectors.length === 0) return ALL_GROUPS;
  const wanted = new Set<FigureGroup>();
  for (const selector of selectors) {
    const asGroup = ALL_GROUPS.find((group) => group === selector);
    const figure = /^\d+$/u.test(selector) ? Number(selector) : FIGURE_NAMES[selector];
    const group = asGroup ?? (figure === undefined ? undefined : GROUP_OF_FIGURE[figure]);
    if (group === undefined) {
      throw new Error(`--only ${selector}: not a figure. Use 1-12, 14-19, a figure name (${Object.keys(FIGURE_NAMES).join(', ')}) or a group (${ALL_GROUPS.join(', ')}).`);
    }
    wanted.add(group);
  }
  return ALL_GROUPS.filter((group) => wanted.has(group));
}

function failedFigures(group: FigureGroup, error: unknown): FigureResult[] {
  const reason = error instanceof Error ? error.message : String(error);
  return Object.entries(GROUP_OF_FIGURE)
    .filter(([, owner]) => owner === group)
    .map(([id]) => ({
      id: Number(id),
      name: Object.keys(FIGURE_NAMES).find((name) => FIGURE_NAMES[name] === Number(id)) ?? group,
      title: `figure ${id}`,
      baseline: '-',
      target: null,
      ratioMeaning: '-',
      ratio: null,
      absolute: {},
      verdict: 'not-measured' as const,
      notes: [`the measurement failed: ${reason}`],
    }));
}

export interface BenchOutcome {
  report: BenchReport;
  /** Groups whose measurement threw (their figures are 'not-measured' with the reason). */
  failedGroups: FigureGroup[];
}

async function runGroup(group: FigureGroup, scale: BenchScale, sandbox: () => Promise<SandboxChild>, log: (line: string) => void): Promise<FigureResult[]> {
  switch (group) {
    case 'refresh':
      return refreshFigures(scale, await sandbox());
    case 'heap':
      return [await heapFigure(scale, await sandbox())];
    case 'spread':
      return spreadFigures(scale, await sandbox());
    case 'rss':
      return [await rssFigure(scale)];
    case 'browser':
      return browserFigures(scale, log);
    case 'bundle':
      return [await bundleFigure(scale, log)];
    case 'cli':
      return [await cliFigure(scale, log)];
    case 'gateway':
      return gatewayFigures(scale, await sandbox());
    case 'open':
    case 'decrypt': {
      const bench = await createBenchVault(group);
      const count = group === 'open' ? scale.vaultAccounts : scale.accounts;
      try {
        await fillVault(bench.vault, { prefix: group, count, host: 'https://online.winbooks.be', secrets: 'realistic' });
        return [group === 'open' ? await openFigure(scale, bench, count) : await decryptFigure(scale, bench)];
      } finally {
        await bench.remove();
      }
    }
  }
}

export async function runBench(scale: BenchScale, groups: readonly FigureGroup[], log: (line: string) => void): Promise<BenchOutcome> {
  const started = performance.now();
  const load = startLoadSampler();
  let sandboxChild: SandboxChild | null = null;
  const sandbox = async (): Promise<SandboxChild> => {
    sandboxChild ??= await SandboxChild.start();
    return sandboxChild;
  };
  const figures: FigureResult[] = [];
  const failedGroups: FigureGroup[] = [];
  try {
    for (const group of groups) {
      const groupStart = performance.now();
      log(`bench: ${group}...`);
      try {
        figures.push(...(await runGroup(group, scale, sandbox, log)));
      } catch (error) {
        failedGroups.push(group);
        log(`bench: ${group} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        figures.push(...failedFigures(group, error));
      }
      log(`bench: ${group} done in ${Math.round((performance.now() - groupStart) / 100) / 10} s`);
    }
  } finally {
    await (sandboxChild as SandboxChild | null)?.stop();
  }
  figures.sort((a, b) => a.id - b.id);
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    mode: scale.mode,
    scale,
    machine: machineInfo(),
    durationSeconds: Math.round((performance.now() - started) / 1000),
    load: load.stop(),
    figures,
  };
  return { report, failedGroups };
}
