import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../common/app-error';
import { UNIX_SOCKET_FILE_NAME } from './app-data-dir';

/**
 * Where the CLI socket listens.
 *
 * Unix: a socket file in the app's data directory, mode 0600 (see cli-server.ts).
 *
 * Windows: a named pipe. node:net cannot set an ACL on it, so libuv's default applies (full control for the
 * creating user, SYSTEM and Administrators; Everyone may only read, which is not enough to open the duplex pipe),
 * and libuv creates it with FILE_FLAG_FIRST_PIPE_INSTANCE so nobody can have claimed the name first. The name
 * carries 128 random bits, is written only to the 0600 session file in the user's own %APPDATA%, and every
 * request must still present the session secret. That is the whole protection: no ACL of our own.
 */

/** sun_path is 104 bytes on macOS, 108 on Linux, including the terminating NUL. */
const MAX_UNIX_SOCKET_PATH_BYTES = 103;

export function newSocketAddress(dataDirectory: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return `\\\\.\\pipe\\winbooks-token-manager-${randomBytes(16).toString('hex')}`;
  const path = join(dataDirectory, UNIX_SOCKET_FILE_NAME);
  if (Buffer.byteLength(path) > MAX_UNIX_SOCKET_PATH_BYTES) {
    throw new AppError(
      'internal',
      `The command line cannot start: the socket path ${path} is longer than ${MAX_UNIX_SOCKET_PATH_BYTES} bytes, the limit of the system. ` +
        'Move the app data folder to a shorter path (or set WINBOOKS_TOKEN_MANAGER_DIR).',
    );
  }
  return path;
}

export function isNamedPipe(address: string): boolean {
  return address.startsWith('\\\\.\\pipe\\') || address.startsWith('\\\\?\\pipe\\');
}
