import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Durable file replacement: write a temp file in the same directory, fsync it, rename it over the target,
 * fsync the directory. A crash at any point leaves either the old file or the new one, never a mix, and
 * once this resolves the new content survives a power loss.
 */

const TEMP_MARKER = '.tmp-';

export async function writeFileAtomically(path: string, data: string | Buffer, mode: number): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const tempPath = `${path}${TEMP_MARKER}${randomBytes(6).toString('hex')}`;
  try {
    const handle = await open(tempPath, 'wx', mode);
    try {
      await handle.chmod(mode); // the open mode is filtered by umask; make it exact
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes a rename in the directory durable. Windows cannot open a directory; NTFS journals the rename itself. */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temp files left by a write that a crash interrupted: the target file was never touched by them. */
export async function removeInterruptedWrites(path: string): Promise<number> {
  const prefix = `${basename(path)}${TEMP_MARKER}`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return 0;
  }
  const stale = names.filter((name) => name.startsWith(prefix));
  await Promise.all(stale.map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
  return stale.length;
}

/** Copies the file next to itself under a timestamped name; never replaces an existing file. Returns the copy's path. */
export async function copyAside(path: string, label: string, now: number, mode: number): Promise<string> {
  const stamp = new Date(now).toISOString().replace(/[:.]/gu, '-');
  for (let attempt = 0; ; attempt += 1) {
    const candidate = `${path}.${label}-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
    try {
      await copyFile(path, candidate, constants.COPYFILE_EXCL);
    } catch (error) {
      if (isCode(error, 'EEXIST') && attempt < 100) continue;
      throw error;
    }
    await chmod(candidate, mode);
    const handle = await open(candidate, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(dirname(path));
    return candidate;
  }
}

/** Deletes all but the `keep` newest copies made by copyAside with this label (their names sort by time). */
export async function pruneKeptCopies(path: string, label: string, keep: number): Promise<string[]> {
  const prefix = `${basename(path)}.${label}-`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return [];
  }
  const copies = names.filter((name) => name.startsWith(prefix) && !name.includes(TEMP_MARKER)).sort(byStampThenAttempt);
  const stale = copies.slice(0, Math.max(0, copies.length - keep));
  await Promise.all(stale.map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
  return stale;
}

/** `…-2025-01-31T12-00-00-000Z` sorts by text; `…Z-2` (a second copy in the same millisecond) after `…Z`. */
function byStampThenAttempt(a: string, b: string): number {
  const attempt = (name: string): number => Number(/Z-(\d+)$/u.exec(name)?.[1] ?? 0);
  const stamp = (name: string): string => name.replace(/Z-\d+$/u, 'Z');
  return stamp(a) < stamp(b) ? -1 : stamp(a) > stamp(b) ? 1 : attempt(a) - attempt(b);
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
