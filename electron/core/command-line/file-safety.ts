import type { Stats } from 'node:fs';

/**
 * Ownership and permission checks for the socket, the session file and their directory. On Windows there are
 * no POSIX owners or modes (node reports emulated ones), so these checks pass there and the protection rests
 * on the per-user %APPDATA% folder, the unguessable pipe name and the secret (see named-pipe.ts).
 */

export type SafetyCheck = { ok: true } | { ok: false; reason: string };

const OK: SafetyCheck = { ok: true };

export function currentUid(): number | null {
  return typeof process.getuid === 'function' ? process.getuid() : null;
}

function ownerProblem(stats: Stats, what: string, path: string, uid: number | null): SafetyCheck {
  if (uid === null || stats.uid === uid) return OK;
  return { ok: false, reason: `${what} ${path} belongs to another user (uid ${stats.uid}, you are uid ${uid}).` };
}

/** The app's data directory: a real directory, ours, that nobody else can write into (or swap files in). */
export function checkPrivateDirectory(stats: Stats, path: string, uid: number | null = currentUid()): SafetyCheck {
  if (!stats.isDirectory() || stats.isSymbolicLink()) return { ok: false, reason: `${path} is not a directory.` };
  if (uid === null) return OK;
  const owner = ownerProblem(stats, 'The folder', path, uid);
  if (!owner.ok) return owner;
  if ((stats.mode & 0o022) !== 0) {
    return { ok: false, reason: `The folder ${path} can be written by other users (mode ${formatMode(stats.mode)}); run: chmod go-w "${path}".` };
  }
  return OK;
}

/** The session file: a regular file, ours, readable by nobody else. */
export function checkPrivateFile(stats: Stats, path: string, uid: number | null = currentUid()): SafetyCheck {
  if (!stats.isFile()) return { ok: false, reason: `${path} is not a regular file.` };
  if (uid === null) return OK;
  const owner = ownerProblem(stats, 'The file', path, uid);
  if (!owner.ok) return owner;
  if ((stats.mode & 0o077) !== 0) {
    return { ok: false, reason: `The file ${path} can be read by other users (mode ${formatMode(stats.mode)}); it should be 600.` };
  }
  return OK;
}

/** The Unix socket: a socket (not a symlink to one), ours, reachable by nobody else. */
export function checkPrivateSocket(stats: Stats, path: string, uid: number | null = currentUid()): SafetyCheck {
  if (uid === null) return OK;
  if (!stats.isSocket()) return { ok: false, reason: `${path} is not a socket.` };
  const owner = ownerProblem(stats, 'The socket', path, uid);
  if (!owner.ok) return owner;
  if ((stats.mode & 0o077) !== 0) {
    return { ok: false, reason: `The socket ${path} is open to other users (mode ${formatMode(stats.mode)}); it should be 600.` };
  }
  return OK;
}

function formatMode(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}
