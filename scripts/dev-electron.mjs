#!/usr/bin/env node
// `npm run dev:electron`: the app on Vite's dev server with hot reload, on every OS (the `VAR=x electron .`
// form fails in Windows cmd). Builds main and preload, starts Vite, then Electron with VITE_DEV_SERVER_URL.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'vite';

await import('./build-electron.mjs');
const server = await createServer({ server: { host: '127.0.0.1', port: 5173, strictPort: true } });
await server.listen();
const url = `http://localhost:${server.config.server.port ?? 5173}/`;
// The electron package's main export is the path of its binary (it downloads it on first use).
const electronBinary = createRequire(import.meta.url)('electron');
const child = spawn(electronBinary, ['.'], { stdio: 'inherit', env: { ...process.env, VITE_DEV_SERVER_URL: url } });
const stop = async (code) => {
  await server.close();
  process.exit(code ?? 0);
};
child.on('exit', (code) => void stop(code));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
