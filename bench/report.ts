import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchScale, FigureResult } from './figure';
import type { LoadSamples } from './load-sampler';
import type { MachineInfo } from './machine';
import { round } from './stats';

export interface BenchReport {
  generatedAt: string;
  mode: BenchScale['mode'];
  scale: BenchScale;
  machine: MachineInfo;
  durationSeconds: number;
  load: LoadSamples;
  figures: FigureResult[];
}

function ratioCell(figure: FigureResult): string {
  if (figure.ratio === null) return 'not measured';
  const { min, median, max } = figure.ratio;
  return `${round(min, 3)} / **${round(median, 3)}** / ${round(max, 3)}`;
}

function targetCell(figure: FigureResult): string {
  if (figure.id === 3) return '<= 50 writes (0.05)';
  if (figure.name === 'gateway-stream' || figure.name === 'gateway-stream-vs-bare-proxy') return '>= 0.9x throughput (<= 1.111x wall)';
  if (figure.id === 11) return '<= 4 KiB (1)';
  return figure.target === null ? 'report' : `<= ${figure.target}x`;
}

function absoluteCell(figure: FigureResult): string {
  return Object.entries(figure.absolute)
    .map(([key, value]) => `${key} ${typeof value === 'number' ? round(value) : value}`)
    .join('; ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/gu, '\\|');
}

export function markdownOf(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `# Benchmark results (${report.mode})`,
    '',
    `${report.generatedAt} · ${machine.cpuModel} × ${machine.cores} cores · Node ${machine.node} · ${machine.chromium} · ${machine.os} · ${machine.totalMemoryMiB} MiB RAM`,
    '',
    `${report.scale.runs} runs per figure; ratio min / **median** / max; the verdict compares the median with the target. Whole bench: ${report.durationSeconds} s.`,
    '',
    `Load average (1 min) over the whole bench, read every ${report.load.intervalSeconds} s (${report.load.samples} readings): min ${report.load.min} / median ${report.load.median} / max ${report.load.max}.`,
    '',
    '| # | figure | baseline (same run) | ratio min / median / max | target | verdict | absolute (medians) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...report.figures.map((figure) =>
      [figure.id, figure.title, figure.baseline, ratioCell(figure), targetCell(figure), figure.verdict, absoluteCell(figure)]
        .map((cell) => escapeCell(String(cell)))
        .join(' | ')
        .replace(/^/u, '| ')
        .concat(' |'),
    ),
    '',
    '## Notes',
    '',
    ...report.figures.map((figure) => `- **${figure.id}. ${figure.name}** (${figure.ratioMeaning}): ${figure.notes.join('; ')}`),
    '',
  ];
  return lines.join('\n');
}

/** Writes bench-results.json and bench-results.md into the folder; returns their paths. */
export async function saveReport(report: BenchReport, folder: string): Promise<{ json: string; markdown: string }> {
  await mkdir(folder, { recursive: true });
  const json = join(folder, 'bench-results.json');
  const markdown = join(folder, 'bench-results.md');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, markdownOf(report));
  return { json, markdown };
}
