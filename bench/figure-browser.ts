import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import type { BrowserProbeState } from './browser-probe';
import { browserProbeSource } from './browser-probe';
import { CHROMIUM_PATH } from './machine';
import { round, spreadOf } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The clock store polls every tick / 4 (renderer/state/clock-store.ts). */
const TICK_POLL_MS = 250;
const WAIT_MS = 60_000;

interface PageMeasure {
  firstRenderMs: number;
  committedMs: number;
  tickMs: number;
  ticks: number;
}

function notMeasured(reason: string): FigureResult[] {
  return [6, 7].map((id) => ({
    id,
    name: id === 6 ? 'countdown-tick' : 'first-render',
    title: id === 6 ? 'One countdown tick in Chromium' : 'First render of the dashboard',
    baseline: '-',
    target: id === 6 ? 2 : 3,
    ratioMeaning: '-',
    ratio: null,
    absolute: {},
    verdict: 'not-measured' as const,
    notes: [reason],
  }));
}

async function missing(paths: string[]): Promise<string | null> {
  for (const path of paths) {
    try {
      await access(path);
    } catch {
      return path;
    }
  }
  return null;
}

/**
 * Figures 6-7: the real renderer, built with vite, served by the browser-test harness (real app API and
 * lifecycle over in-memory storage, accounts added through the API against the sandbox), in Debian Chromium.
 */
export async function browserFigures(scale: BenchScale, log: (line: string) => void): Promise<FigureResult[]> {
  const absent = await missing([join(ROOT, 'renderer/index.html'), join(ROOT, 'tests/harness/harness-server.ts'), CHROMIUM_PATH]);
  if (absent !== null) return notMeasured(`${absent} is missing: the renderer or its harness is not there yet`);
  // Loaded lazily: these modules pull in vite, playwright and the harness, which the other figures do not need.
  const [{ build }, { chromium }, { HarnessServer }, { WinbooksSandbox }] = await Promise.all([
    import('vite'),
    import('playwright'),
    import('../tests/harness/harness-server'),
    import('../tests/sandbox/winbooks-sandbox'),
  ]);
  const staticDir = await mkdtemp(join(tmpdir(), 'wtm-bench-renderer-'));
  const cleanups: (() => Promise<unknown>)[] = [() => rm(staticDir, { recursive: true, force: true })];
  try {
    log('bench: building the renderer (vite)...');
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: staticDir, emptyOutDir: true } });
    const sandbox = await WinbooksSandbox.start({ accessLifetimeSeconds: 3600 });
    cleanups.push(() => sandbox.stop());
    const harnessWith = async (count: number, prefix: string): Promise<Awaited<ReturnType<typeof HarnessServer.start>>> => {
      const harness = await HarnessServer.start({ staticDir, backend: { storage: 'memory' } });
      cleanups.push(() => harness.close());
      for (let index = 0; index < count; index += 1) {
        const grant = sandbox.addGrant({ email: `${prefix}${index}@bench.example` });
        await harness.backend.api.addAccount({ label: `Client ${prefix} ${index}`, email: grant.email, host: sandbox.baseUrl, exchangeToken: grant.exchangeToken });
      }
      return harness;
    };
    log(`bench: adding ${scale.fewAccounts} and ${scale.accounts} accounts through the app API...`);
    const few = await harnessWith(scale.fewAccounts, 'few');
    const many = await harnessWith(scale.accounts, 'many');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());

    const tickWaitMs = scale.mode === 'smoke' ? 2_300 : 5_300;
    const measurePage = async (url: string, expectedRows: number): Promise<PageMeasure> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(WAIT_MS);
        await page.addInitScript({ content: browserProbeSource(TICK_POLL_MS) });
        await page.goto(url);
        await page.waitForFunction(() => (window as unknown as { __benchProbe?: BrowserProbeState }).__benchProbe?.paintedAt != null);
        const rows = await page.getByTestId('account-row').count();
        if (rows < Math.min(expectedRows, 3)) throw new Error(`The dashboard shows ${rows} rows for ${expectedRows} accounts.`);
        await page.waitForTimeout(tickWaitMs);
        const state = await page.evaluate(() => (window as unknown as { __benchProbe: BrowserProbeState }).__benchProbe);
        if (state.paintedAt === null || state.committedAt === null) throw new Error('The probe saw no dashboard render.');
        if (state.ticks.length === 0) throw new Error('The probe saw no countdown tick: is the clock store still polling every 250 ms?');
        return { firstRenderMs: state.paintedAt, committedMs: state.committedAt, tickMs: spreadOf(state.ticks).median, ticks: state.ticks.length };
      } finally {
        await context.close();
      }
    };

    // Warm-up: the first page of a fresh browser pays for its process start-up and code caches.
    await measurePage(few.url, scale.fewAccounts);
    const tickRatios: number[] = [];
    const renderRatios: number[] = [];
    const samples = { tickFew: [] as number[], tickMany: [] as number[], renderFew: [] as number[], renderMany: [] as number[], ticksSeen: 0 };
    for (let run = 0; run < scale.runs; run += 1) {
      const first = run % 2 === 0 ? few : many;
      const a = await measurePage(first.url, first === few ? scale.fewAccounts : scale.accounts);
      const b = await measurePage((first === few ? many : few).url, first === few ? scale.accounts : scale.fewAccounts);
      const [small, large] = first === few ? [a, b] : [b, a];
      tickRatios.push(large.tickMs / small.tickMs);
      renderRatios.push(large.firstRenderMs / small.firstRenderMs);
      samples.tickFew.push(small.tickMs);
      samples.tickMany.push(large.tickMs);
      samples.renderFew.push(small.firstRenderMs);
      samples.renderMany.push(large.firstRenderMs);
      samples.ticksSeen += small.ticks + large.ticks;
    }
    const version = browser.version();
    const tick = spreadOf(tickRatios);
    const render = spreadOf(renderRatios);
    const med = (values: number[]): number => round(spreadOf(values).median);
    return [
      {
        id: 6,
        name: 'countdown-tick',
        title: `One countdown tick in Chromium, ${scale.accounts} accounts`,
        baseline: `the same tick with ${scale.fewAccounts} accounts`,
        target: 2,
        ratioMeaning: 'tick cost (ticker poll + React re-render + style/layout) with many / with few accounts',
        ratio: tick,
        absolute: { tickMsManyMedian: med(samples.tickMany), tickMsFewMedian: med(samples.tickFew), ticksTimed: samples.ticksSeen },
        verdict: verdictOf(tick, 2),
        notes: [`Chromium ${version}, 1280x860, real renderer build served by tests/harness over in-memory storage; per page the median of the ticks seen in ${tickWaitMs / 1000} s`],
      },
      {
        id: 7,
        name: 'first-render',
        title: `First render of the dashboard, ${scale.accounts} accounts`,
        baseline: `${scale.fewAccounts} accounts`,
        target: 3,
        ratioMeaning: 'navigation start to the frame after the first account row was committed, many / few',
        ratio: render,
        absolute: { firstRenderMsManyMedian: med(samples.renderMany), firstRenderMsFewMedian: med(samples.renderFew) },
        verdict: verdictOf(render, 3),
        notes: ['fresh browser context per page load (no HTTP cache); includes loading the bundle, the WebSocket bridge, listAccounts and the React render'],
      },
    ];
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}
