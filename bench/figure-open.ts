import { readFile } from 'node:fs/promises';
import { TokenLifecycle } from '../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import { measure, mirrored, settle } from './measure';
import { round, spreadOf } from './stats';
import type { BenchVault } from './vault-fixture';

/**
 * Figure 4: open a vault of N accounts and list them the way the app starts (openVault on the directory, which
 * builds the conf store like main's electron-store, then the lifecycle's start() and list()), vs readFile +
 * JSON.parse of the same file.
 */
export async function openFigure(scale: BenchScale, bench: BenchVault): Promise<FigureResult> {
  const count = scale.accounts;
  const path = bench.vault.path;
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
  const parseFile = async (): Promise<void> => {
    const document = JSON.parse(await readFile(path, 'utf8')) as { accounts: unknown[] };
    if (document.accounts.length !== count) throw new Error('The vault file does not hold the fixture accounts.');
  };
  const repeat = (operation: () => Promise<void>) => async () => {
    for (let index = 0; index < scale.innerRepeats; index += 1) await operation();
  };
  await repeat(openAndList)();
  await repeat(parseFile)();
  const ratios: number[] = [];
  const vaultMs: number[] = [];
  const parseMs: number[] = [];
  for (let run = 0; run < scale.runs; run += 1) {
    await settle();
    const [vault, parse] = await mirrored(run, () => measure(repeat(openAndList)), () => measure(repeat(parseFile)));
    ratios.push(vault.wallMs / parse.wallMs);
    vaultMs.push(vault.wallMs / (2 * scale.innerRepeats));
    parseMs.push(parse.wallMs / (2 * scale.innerRepeats));
  }
  const ratio = spreadOf(ratios);
  return {
    id: 4,
    name: 'open-and-list',
    title: `Open a vault of ${count} accounts and list them`,
    baseline: 'readFile + JSON.parse of the same file',
    target: 1.5,
    ratioMeaning: 'openVault + lifecycle start + list / readFile + JSON.parse',
    ratio,
    absolute: { openAndListMsMedian: round(spreadOf(vaultMs).median), readAndParseMsMedian: round(spreadOf(parseMs).median), fileBytes: (await readFile(path)).length },
    verdict: verdictOf(ratio, 1.5),
    notes: [`each run: both sides twice in mirrored order (A B B A), ${scale.innerRepeats} opens each time; ratio of the sums`],
  };
}
