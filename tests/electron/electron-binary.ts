import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron binary is, found the way node_modules/electron/index.js finds it but without loading
 * that module (it would try to download the binary). Null when it is not installed.
 */
export function electronBinaryPath(root = process.cwd()): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = override !== undefined && override !== '' ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

export const SKIP_MESSAGE = 'skipped: Electron binary not installed';
