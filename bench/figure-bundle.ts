import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import { round, spreadOf } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = 1.5;

/** The minimal app the renderer is compared with: React 19 rendering one heading, built by Vite with the same target. */
const MINIMAL_HTML = '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Minimal</title></head><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>';
const MINIMAL_ENTRY = "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<h1>Hello</h1>);\n";

/** The JS a page loads before it can render: its module entry scripts and their modulepreload links (lazy chunks excluded). */
export async function initialScripts(outDir: string): Promise<string[]> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/gu), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/gu)].map((match) => match[1] ?? '');
  return [...new Set(sources.filter((source) => source.endsWith('.js')))];
}

/** Total gzip size (level 9, bytes) of the initial JS of a built page. */
export async function initialJsGzipBytes(outDir: string): Promise<{ gzip: number; raw: number; files: number }> {
  const files = await initialScripts(outDir);
  let gzip = 0;
  let raw = 0;
  for (const file of files) {
    const body = await readFile(join(outDir, file.replace(/^\.?\//u, '')));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { gzip, raw, files: files.length };
}

/**
 * Figure 9: the renderer's initial JS (gzip) against a minimal React 19 + Vite app built in the same run with
 * the same Vite, React plugin and target. Sizes do not drift with load, so one build of each is the figure.
 */
export async function bundleFigure(_scale: BenchScale, log: (line: string) => void): Promise<FigureResult> {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  // Inside node_modules so the minimal app resolves react and react-dom from this repository.
  const cache = join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(join(cache, 'wtm-bundle-bench-'));
  try {
    const minimalRoot = join(work, 'minimal');
    await mkdir(minimalRoot);
    await writeFile(join(minimalRoot, 'index.html'), MINIMAL_HTML);
    await writeFile(join(minimalRoot, 'main.jsx'), MINIMAL_ENTRY);
    const minimalOut = join(work, 'minimal-dist');
    const rendererOut = join(work, 'renderer-dist');
    log('bench: bundle: building the renderer and a minimal React app');
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: rendererOut, emptyOutDir: true } });
    await build({
      configFile: false,
      root: minimalRoot,
      base: './',
      logLevel: 'silent',
      plugins: [react()],
      build: { outDir: minimalOut, emptyOutDir: true, modulePreload: { polyfill: false }, target: 'es2023' },
    });
    const renderer = await initialJsGzipBytes(rendererOut);
    const minimal = await initialJsGzipBytes(minimalOut);
    const ratio = spreadOf([renderer.gzip / minimal.gzip]);
    return {
      id: 9,
      name: 'renderer-weight',
      title: "Renderer's initial JS (gzip)",
      baseline: 'minimal React 19 + Vite app, same build settings, same run',
      target: TARGET,
      ratioMeaning: 'renderer initial JS gzip / minimal app initial JS gzip',
      ratio: { ...ratio, min: round(ratio.min), median: round(ratio.median), max: round(ratio.max) },
      absolute: {
        'renderer gzip KiB': round(renderer.gzip / 1024),
        'renderer raw KiB': round(renderer.raw / 1024),
        'renderer initial files': renderer.files,
        'minimal gzip KiB': round(minimal.gzip / 1024),
      },
      verdict: verdictOf(ratio, TARGET),
      notes: ['Initial = the module entry and its modulepreload links; chunks loaded later (the other locales) are not counted.'],
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
