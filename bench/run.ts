/**
 * The benchmarks of issue 6: `npm run bench` (tsx bench/run.ts).
 *   --smoke          tiny sizes, 1 run (the test suite's smoke check; no meaningful figures)
 *   --only <list>    figures to run: numbers (1-12, 14-19), names (refresh-cpu, cli-start, gateway-stream...) or groups (refresh, open, decrypt, heap, spread, rss, cli, gateway, browser, bundle)
 *   --runs <n>       runs per figure (default 7; at least 5 for figures worth quoting)
 *   --out <folder>   where to save bench-results.json / .md (default bench/results)
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { groupsFor, runBench } from './bench';
import { FULL_SCALE, SMOKE_SCALE } from './figure';
import { markdownOf, saveReport } from './report';

const USAGE = 'Usage: tsx bench/run.ts [--smoke] [--only 1,2|refresh|heap...] [--runs N] [--out folder]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      runs: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return 0;
  }
  const base = values.smoke === true ? SMOKE_SCALE : FULL_SCALE;
  const runs = values.runs === undefined ? base.runs : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number >= 1, got "${values.runs}".`);
  const groups = groupsFor((values.only ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== ''));
  const out = values.out ?? fileURLToPath(new URL('./results', import.meta.url));

  const { report, failedGroups } = await runBench({ ...base, runs }, groups, (line) => console.error(line));
  const saved = await saveReport(report, out);
  console.log(markdownOf(report));
  console.log(`Saved ${saved.json} and ${saved.markdown}`);
  if (failedGroups.length > 0) {
    console.error(`bench: these measurements failed: ${failedGroups.join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  },
);
