import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import * as z from 'zod/mini';
import { parseJson } from './json-line';

/**
 * cli-session.json: how the CLI finds the running app (socket path) and proves it may talk to it (secret).
 * Written atomically with mode 0600 by the app when the CLI socket starts; removed when it stops. The CLI reads
 * it with cli/session-file-read.ts (no zod there: its reader is held to sessionFileSchema by tests/cli/cli-readers.test.ts).
 */

export const sessionFileSchema = z.object({
  /** The app's protocol version. Any integer is read, so a CLI of another version still reaches the app and shows its refusal. */
  v: z.int().check(z.positive()),
  socket: z.string().check(z.minLength(1)),
  secret: z.string().check(z.regex(/^[0-9a-f]{64}$/u)),
  pid: z.int(),
});
export type SessionFile = z.infer<typeof sessionFileSchema>;

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
