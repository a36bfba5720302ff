import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchReport } from '../../bench/report';

/**
 * Smoke check of the bench harness (not a benchmark: tiny sizes, one run, no timing assertion). Runs the real
 * `bench/run.ts --smoke` end to end, sandbox child and heap children included, and checks that every figure it
 * produced is well-formed and saved as JSON and markdown. The browser figures (6-7) need a vite build and
 * Chromium: they are left to `npm run bench` and the browser suite.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
let out: string;
let report: BenchReport;
let markdown: string;

before(async () => {
  out = await mkdtemp(join(tmpdir(), 'wtm-bench-smoke-'));
  await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--only', 'refresh,open,decrypt,heap,spread,rss,cli,gateway', '--out', out], { cwd: ROOT, timeout: 240_000 });
  report = JSON.parse(await readFile(join(out, 'bench-results.json'), 'utf8')) as BenchReport;
  markdown = await readFile(join(out, 'bench-results.md'), 'utf8');
});

after(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('bench --smoke', () => {
  it('records the machine and the smoke scale', () => {
    assert.equal(report.mode, 'smoke');
    assert.equal(report.scale.runs, 1);
    assert.ok(report.machine.cores >= 1);
    assert.match(report.machine.node, /^v\d+\./u);
    assert.notEqual(report.machine.cpuModel, '');
    assert.ok(report.machine.chromium.length > 0);
  });

  it('records the load average over the whole bench, read at its start and end at least', () => {
    assert.ok(report.load.samples >= 2, `${report.load.samples} readings`);
    assert.ok(report.load.min >= 0 && report.load.min <= report.load.median && report.load.median <= report.load.max);
    assert.match(markdown, new RegExp(`Load average \\(1 min\\) over the whole bench, read every 10 s \\(${report.load.samples} readings\\): min ${report.load.min} /`, 'u'));
  });

  it('measures figures 1-5, 8, 10-12 and 14-19, each a finite positive ratio with min <= median <= max', () => {
    assert.deepEqual(
      report.figures.map((figure) => figure.id),
      [1, 2, 3, 4, 5, 8, 10, 11, 12, 14, 15, 16, 17, 18, 19],
    );
    for (const figure of report.figures) {
      assert.notEqual(figure.verdict, 'not-measured', `figure ${figure.id}: ${figure.notes.join('; ')}`);
      const ratio = figure.ratio;
      assert.ok(ratio !== null, `figure ${figure.id} has no ratio`);
      assert.equal(ratio.runs.length, 1, `figure ${figure.id}: one run in smoke mode`);
      // Heap and RSS growth of a few accounts may be near zero (GC noise); every other ratio divides positive costs.
      const memory = figure.id === 8 || figure.id === 12;
      for (const value of [ratio.min, ratio.median, ratio.max]) assert.ok(Number.isFinite(value) && (memory || value > 0), `figure ${figure.id}: ratio ${value}`);
      assert.ok(ratio.min <= ratio.median && ratio.median <= ratio.max);
      const expected = figure.target === null ? 'report' : ratio.median <= figure.target ? 'pass' : 'miss';
      assert.equal(figure.verdict, expected, `figure ${figure.id}: verdict follows the median and the target`);
    }
  });

  it('counts real file writes: at least one, never more than one per refresh', () => {
    const writes = report.figures.find((figure) => figure.id === 3);
    assert.ok(writes?.ratio);
    assert.ok(writes.ratio.median > 0 && writes.ratio.median <= 1, `writes per refresh: ${writes.ratio.median}`);
  });

  it('counts the bytes a spread-out refresh writes: at least one durable write each, far less than the file', () => {
    const bytes = report.figures.find((figure) => figure.id === 11);
    assert.ok(bytes?.ratio);
    const writes = Object.entries(bytes.absolute).filter(([key]) => key.startsWith('writesPerRefresh'));
    assert.ok(writes.length > 0);
    for (const [key, value] of writes) assert.ok(typeof value === 'number' && value >= 1, `${key}: ${String(value)}`);
  });

  it('reports the heap per 1,000 accounts as a number', () => {
    const heap = report.figures.find((figure) => figure.id === 8);
    assert.equal(typeof heap?.absolute.mibPer1000AccountsMedian, 'number');
  });

  it('saves a markdown table with one row per figure', () => {
    assert.match(markdown, /\| # \| figure \| baseline/u);
    for (const figure of report.figures) assert.match(markdown, new RegExp(`^\\| ${figure.id} \\| `, 'mu'));
  });
});
