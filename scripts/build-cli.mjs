#!/usr/bin/env node
// Bundles the winbooks-token command line into one file Node runs alone: dist-cli/winbooks-token.cjs.
// The standalone binaries (no Node needed) are built from this bundle by scripts/build-cli-binary.mjs.
// Usage: node scripts/build-cli.mjs [--outfile <path>]
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfileFlag = process.argv.indexOf('--outfile');
const outfile = outfileFlag === -1 ? join(root, 'dist-cli', 'winbooks-token.cjs') : resolve(process.argv[outfileFlag + 1] ?? '');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * node:crypto costs about 10 ms to load, an eighth of Node's own start-up. The CLI never calls it, but the
 * shared command-line modules it imports do on the app's side (socket names, session file names): they get a
 * stand-in that loads the real module on first call. node:os likewise: only homedir(), and only when the
 * data directory is not given by the environment. Only functions can be imported from a lazy built-in.
 */
const LAZY_BUILTINS = ['node:crypto', 'node:os'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(bundle) {
    // esbuild filters are Go regular expressions: no flags.
    const filter = new RegExp(`^(${LAZY_BUILTINS.join('|')})$`);
    // The stand-in's own require() and dynamic imports (lazy already, and free to use more than functions) are
    // the real built-in, left to Node.
    bundle.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin' || args.kind === 'dynamic-import' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-builtin' },
    );
    bundle.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const real = await import(args.path);
      const functions = Object.keys(real).filter((name) => name !== 'default' && typeof real[name] === 'function');
      const lines = [`let loaded; const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`];
      for (const name of functions) lines.push(`export function ${name}(...args) { return load().${name}(...args); }`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [join(root, 'cli', 'winbooks-token.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  banner: { js: '#!/usr/bin/env node' },
  define: { WINBOOKS_TOKEN_VERSION: JSON.stringify(version) },
  // cli/version.ts reads package.json through import.meta.url only when run from source (the define wins here).
  logOverride: { 'empty-import-meta': 'silent' },
  plugins: [lazyBuiltins],
  // Nothing Electron may end up in the CLI: it must run with Node alone.
  external: ['electron'],
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`Built ${outfile} (${LAZY_BUILTINS.join(', ')} loaded on first use)`);
