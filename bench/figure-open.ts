import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TokenLifecycle } from '../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import { measure, mirrored, settle } from './measure';
import { round, spreadOf } from './stats';
import type { BenchVault } from './vault-fixture';

const TRAILER_CHARS = 88;

/**
 * The baseline file: the same account entries (records and sealed secrets, exactly as the vault file holds
 * them) as ONE JSON array, without the lines' tags. Reading and parsing it is what a plain JSON store would cost.
 */
async function sameDataAsJson(vaultPath: string, directory: string): Promise<string> {
  const bodies = (await readFile(vaultPath, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .slice(1)
    .map((line) => line.slice(0, line.length - TRAILER_CHARS));
  const path = join(directory, 'same-data.json');
  await writeFile(path, `[${bodies.join(',\n')}]\n`);
  return path;
}

/**
 * Figure 4: open a vault of N accounts and list them the way the app starts (openVault on the directory, which
 * builds the conf store like main's electron-store, then the lifecycle's start() and list()): read, authenticate
 * every line, replay, list. Baseline: readFile + JSON.parse of the same entries as one JSON array.
 */
export async function openFigure(scale: BenchScale, bench: BenchVault, count: number): Promise<FigureResult> {
  const path = bench.vault.path;
  const baselinePath = await sameDataAsJson(path, bench.directory);
  const client = createWinbooksTokenClient();
  const openAndList = async (): Promise<void> => {
    const vault = await bench.open();
    const lifecycle = new TokenLifecycle({ client, storage: vault.storage });
    await lifecycle.start();
    const listed = lifecycle.list().length;
    lifecycle.stop();
    await vault.close();
    if (listed !== count) throw new Error(`The reopened vault listed ${listed} of ${count} accounts.`);
  };
  const openAndLoad = async (): Promise<void> => {
    const vault = await bench.open();
    const loaded = (await vault.storage.loadRecords()).length;
    await vault.close();
    if (loaded !== count) throw new Error(`The reopened vault loaded ${loaded} of ${count} accounts.`);
  };
  const parseFile = async (): Promise<void> => {
    const entries = JSON.parse(await readFile(baselinePath, 'utf8')) as unknown[];
    if (entries.length !== count) throw new Error('The baseline file does not hold the fixture accounts.');
  };
  const innerRepeats = Math.max(1, Math.round((scale.innerRepeats * 1000) / Math.max(count, 1000)));
  const repeat = (operation: () => Promise<void>) => async () => {
    for (let index = 0; index < innerRepeats; index += 1) await operation();
  };
  await repeat(openAndList)();
  await repeat(parseFile)();
  const ratios: number[] = [];
  const vaultMs: number[] = [];
  const parseMs: number[] = [];
  const vaultOnlyRatios: number[] = [];
  for (let run = 0; run < scale.runs; run += 1) {
    await settle();
    const [vault, parse] = await mirrored(run, () => measure(repeat(openAndList)), () => measure(repeat(parseFile)));
    ratios.push(vault.wallMs / parse.wallMs);
    vaultMs.push(vault.wallMs / (2 * innerRepeats));
    parseMs.push(parse.wallMs / (2 * innerRepeats));
    // The vault's share alone (no lifecycle), against the same run's baseline.
    await settle();
    const [vaultOnly, parseAgain] = await mirrored(run, () => measure(repeat(openAndLoad)), () => measure(repeat(parseFile)));
    vaultOnlyRatios.push(vaultOnly.wallMs / parseAgain.wallMs);
  }
  const ratio = spreadOf(ratios);
  return {
    id: 4,
    name: 'open-and-list',
    title: `Open a vault of ${count} accounts and list them`,
    baseline: 'readFile + JSON.parse of the same entries as one JSON array',
    target: 1.5,
    ratioMeaning: 'openVault (read, authenticate, replay) + lifecycle start + list / readFile + JSON.parse',
    ratio,
    absolute: {
      openAndListMsMedian: round(spreadOf(vaultMs).median),
      readAndParseMsMedian: round(spreadOf(parseMs).median),
      vaultOnlyOpenAndLoadRatioMin: round(spreadOf(vaultOnlyRatios).min),
      vaultOnlyOpenAndLoadRatioMedian: round(spreadOf(vaultOnlyRatios).median),
      vaultOnlyOpenAndLoadRatioMax: round(spreadOf(vaultOnlyRatios).max),
      vaultFileBytes: (await readFile(path)).length,
      baselineFileBytes: (await readFile(baselinePath)).length,
    },
    verdict: verdictOf(ratio, 1.5),
    notes: [
      `each run: both sides twice in mirrored order (A B B A), ${innerRepeats} opens each time; ratio of the sums`,
      'vaultOnly*: openVault + storage.loadRecords (no lifecycle) against the same baseline, measured the same way in each run',
      'the vault file as a group commit of the fixture wrote it: the header and one line per account',
    ],
  };
}
