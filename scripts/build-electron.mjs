#!/usr/bin/env node
// Bundles the Electron main process and the preload with esbuild (the renderer is built by Vite into dist/).
//   dist-electron/main.cjs     <- electron/main/main.ts
//   dist-electron/preload.cjs  <- electron/preload/preload.ts
//   dist-electron/passphrase-preload.cjs <- electron/preload/passphrase-preload.ts (main's passphrase prompt window)
//   dist-electron/demo.cjs     <- scripts/demo.ts (the app with an embedded sandbox; not packaged)
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 runs Node 22.
  target: 'node22',
  external: ['electron'],
  // `await import('electron')` must become require('electron'): Electron's main resolves 'electron' only that way in a CJS bundle.
  supported: { 'dynamic-import': false },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...shared, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main.cjs' }),
  build({ ...shared, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
  build({ ...shared, entryPoints: ['electron/preload/passphrase-preload.ts'], outfile: 'dist-electron/passphrase-preload.cjs' }),
  build({ ...shared, entryPoints: ['scripts/demo.ts'], outfile: 'dist-electron/demo.cjs' }),
]);
console.log('Built dist-electron/main.cjs, preload.cjs, passphrase-preload.cjs and demo.cjs.');
