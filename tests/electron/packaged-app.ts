import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `npm run package:test` (electron-builder --dir, release-test/) put the unpacked app for this OS, or null.
 * The test build keeps only the inspect fuse on, so Playwright can drive the otherwise release-identical app.
 */
export function packagedTestAppPath(root = process.cwd()): string | null {
  const candidates: Partial<Record<NodeJS.Platform, string[]>> = {
    linux: ['release-test/linux-unpacked/winbooks-token-manager'],
    win32: ['release-test/win-unpacked/Winbooks Token Manager.exe'],
    darwin: ['release-test/mac-universal/Winbooks Token Manager.app/Contents/MacOS/Winbooks Token Manager', 'release-test/mac-arm64/Winbooks Token Manager.app/Contents/MacOS/Winbooks Token Manager', 'release-test/mac/Winbooks Token Manager.app/Contents/MacOS/Winbooks Token Manager'],
  };
  for (const relative of candidates[process.platform] ?? []) {
    const path = join(root, relative);
    if (existsSync(path)) return path;
  }
  return null;
}

/** The release build's binary (fuses as shipped), from `npm run package`. */
export function packagedReleaseAppPath(root = process.cwd()): string | null {
  const path = packagedTestAppPath(root)?.replace(`${join(root, 'release-test')}`, join(root, 'release')) ?? null;
  return path !== null && existsSync(path) ? path : null;
}

export const SKIP_NOT_PACKAGED = 'skipped: no packaged test build (run `npm run package:test` on a machine with the Electron binary)';
export const SKIP_NOT_RELEASED = 'skipped: no release build (run `npm run package` on a machine with the Electron binary)';
