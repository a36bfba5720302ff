import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import type { HeapReport } from './heap-process';
import type { SandboxChild } from './sandbox-child';
import { round, spreadOf } from './stats';

const MIB = 1024 * 1024;

function heapRun(accounts: number, baseUrl: string): Promise<HeapReport> {
  const entry = fileURLToPath(new URL('./heap-process.ts', import.meta.url));
  const child = fork(entry, [String(accounts), baseUrl], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let report: HeapReport | null = null;
    child.on('message', (message: HeapReport) => {
      report = message;
    });
    child.once('exit', (code) => {
      if (code === 0 && report !== null) resolve(report);
      else reject(new Error(`The heap bench child for ${accounts} accounts exited with code ${String(code)}.`));
    });
  });
}

function heapGrowth(report: HeapReport): number {
  return report.heapAfterBytes - report.heapBeforeBytes;
}

/** Figure 8: heap growth of the core (vault + lifecycle, all refreshed) holding N vs few accounts, each in a fresh child. */
export async function heapFigure(scale: BenchScale, sandbox: SandboxChild): Promise<FigureResult> {
  const many = scale.accounts;
  const few = scale.fewAccounts;
  await sandbox.addGrants('heap', many);
  const ratios: number[] = [];
  const perThousand: number[] = [];
  const manyGrowth: number[] = [];
  const fewGrowth: number[] = [];
  for (let run = 0; run < scale.runs; run += 1) {
    const small = await heapRun(few, sandbox.baseUrl);
    const large = await heapRun(many, sandbox.baseUrl);
    const growthFew = heapGrowth(small);
    const growthMany = heapGrowth(large);
    fewGrowth.push(growthFew / MIB);
    manyGrowth.push(growthMany / MIB);
    ratios.push(growthMany / growthFew);
    perThousand.push(((growthMany - growthFew) / (many - few)) * 1000 / MIB);
  }
  const ratio = spreadOf(ratios);
  const perThousandSpread = spreadOf(perThousand);
  return {
    id: 8,
    name: 'heap',
    title: `Heap of the core holding ${many} accounts`,
    baseline: `holding ${few}`,
    target: null,
    ratioMeaning: `heap growth with ${many} / heap growth with ${few} (vault open, lifecycle started, every account refreshed)`,
    ratio,
    absolute: {
      mibPer1000AccountsMin: round(perThousandSpread.min),
      mibPer1000AccountsMedian: round(perThousandSpread.median),
      mibPer1000AccountsMax: round(perThousandSpread.max),
      heapGrowthManyMibMedian: round(spreadOf(manyGrowth).median),
      heapGrowthFewMibMedian: round(spreadOf(fewGrowth).median),
    },
    verdict: verdictOf(ratio, null),
    notes: ['each measurement in a fresh child process with --expose-gc; heapUsed after two full GCs'],
  };
}
