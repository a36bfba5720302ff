import { readFileSync } from 'node:fs';

/** Set by scripts/build-cli.mjs (esbuild define) to package.json's version; absent when run from source. */
declare const WINBOOKS_TOKEN_VERSION: string | undefined;

/** The app's version, which every winbooks-token carries: `winbooks-token --version` prints it. */
export function cliVersion(): string {
  if (typeof WINBOOKS_TOKEN_VERSION === 'string') return WINBOOKS_TOKEN_VERSION;
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof packageJson.version === 'string' ? packageJson.version : 'unknown';
}
