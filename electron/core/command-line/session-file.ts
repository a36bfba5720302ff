import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import * as z from 'zod/mini';
import { checkPrivateFile } from './file-safety';
import { parseJson } from './json-line';

/**
 * cli-session.json: how the CLI finds the running app (socket path) and proves it may talk to it (secret).
 * Written atomically with mode 0600 by the app when the CLI socket starts; removed when it stops.
 */

export const sessionFileSchema = z.object({
  /** The app's protocol version. Any integer is read, so a CLI of another version still reaches the app and shows its refusal. */
  v: z.int().check(z.positive()),
  socket: z.string().check(z.minLength(1)),
  secret: z.string().check(z.regex(/^[0-9a-f]{64}$/u)),
  pid: z.int(),
});
export type SessionFile = z.infer<typeof sessionFileSchema>;

const MAX_SESSION_FILE_BYTES = 4096;

export async function writeSessionFile(path: string, session: SessionFile): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(`${JSON.stringify(session)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes the session file only while it still describes this session (a newer app may have replaced it). */
export async function removeSessionFile(path: string, secret: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return;
  }
  const parsed = sessionFileSchema.safeParse(parseJson(text));
  if (parsed.success && parsed.data.secret !== secret) return;
  await rm(path, { force: true });
}

export type SessionFileRead =
  | { kind: 'ok'; session: SessionFile }
  | { kind: 'missing' }
  | { kind: 'unsafe'; reason: string }
  | { kind: 'invalid'; reason: string };

/** Reads the session file for the CLI, refusing one that is a symlink, not ours, or readable by others. */
export async function readSessionFile(path: string): Promise<SessionFileRead> {
  const noFollow = fsConstants.O_NOFOLLOW ?? 0;
  let handle;
  try {
    handle = await open(path, fsConstants.O_RDONLY | noFollow);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'unsafe', reason: `${path} is a symbolic link.` };
    return { kind: 'invalid', reason: `${path} cannot be read (${code ?? String(error)}).` };
  }
  try {
    const safety = checkPrivateFile(await handle.stat(), path);
    if (!safety.ok) return { kind: 'unsafe', reason: safety.reason };
    const buffer = Buffer.alloc(MAX_SESSION_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_SESSION_FILE_BYTES) return { kind: 'invalid', reason: `${path} is too large to be a session file.` };
    const parsed = sessionFileSchema.safeParse(parseJson(buffer.subarray(0, bytesRead).toString('utf8')));
    if (!parsed.success) return { kind: 'invalid', reason: `${path} is not a session file this version understands.` };
    return { kind: 'ok', session: parsed.data };
  } finally {
    await handle.close();
  }
}
