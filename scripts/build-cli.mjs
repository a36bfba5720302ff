#!/usr/bin/env node
// Bundles the winbooks-token command line into one file Node runs alone: dist-cli/winbooks-token.cjs.
// Usage: node scripts/build-cli.mjs [--outfile <path>]
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfileFlag = process.argv.indexOf('--outfile');
const outfile = outfileFlag === -1 ? join(root, 'dist-cli', 'winbooks-token.cjs') : resolve(process.argv[outfileFlag + 1] ?? '');

await build({
  entryPoints: [join(root, 'cli', 'winbooks-token.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  // Nothing Electron may end up in the CLI: it must run with Node alone.
  external: ['electron'],
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`Built ${outfile}`);
