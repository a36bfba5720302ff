import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { checkPrivateFile } from '../electron/core/command-line/file-safety';
import { parseJson } from '../electron/core/command-line/json-line';
import type { SessionFile } from '../electron/core/command-line/session-file';
import { readSessionFile } from './message-readers';

/**
 * Reads cli-session.json (written by the app, see session-file.ts), refusing one that is a symbolic link, not
 * ours, or readable by others. Synchronous on purpose: node:fs is loaded with Node itself, node:fs/promises is not.
 */

export type SessionFileRead =
  | { kind: 'ok'; session: SessionFile }
  | { kind: 'missing' }
  | { kind: 'unsafe'; reason: string }
  | { kind: 'invalid'; reason: string };

const MAX_SESSION_FILE_BYTES = 4096;

export function readSessionFileAt(path: string): SessionFileRead {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'unsafe', reason: `${path} is a symbolic link.` };
    return { kind: 'invalid', reason: `${path} cannot be read (${code ?? String(error)}).` };
  }
  try {
    const safety = checkPrivateFile(fstatSync(descriptor), path);
    if (!safety.ok) return { kind: 'unsafe', reason: safety.reason };
    const buffer = Buffer.alloc(MAX_SESSION_FILE_BYTES + 1);
    const bytesRead = readSync(descriptor, buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_SESSION_FILE_BYTES) return { kind: 'invalid', reason: `${path} is too large to be a session file.` };
    const session = readSessionFile(parseJson(buffer.subarray(0, bytesRead).toString('utf8')));
    if (session === undefined) return { kind: 'invalid', reason: `${path} is not a session file this version understands.` };
    return { kind: 'ok', session };
  } finally {
    closeSync(descriptor);
  }
}
