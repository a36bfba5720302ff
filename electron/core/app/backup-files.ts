import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../common/app-error';

/** Where main reads and writes the backup files the user chose. The renderer never sees their content. */
export interface BackupFiles {
  read(path: string): Promise<string>;
  /** Writes the whole file readable by the user only (0600), replacing any file there at once. */
  writePrivate(path: string, content: string): Promise<void>;
}

/** A backup is a few kB per account; anything bigger is not one. */
export const MAX_BACKUP_BYTES = 50_000_000;

function fileError(action: 'read' | 'written', path: string, error: unknown): AppError {
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('storage-failed', `The backup file ${basename(path)} could not be ${action} (${detail}).`, 'file');
}

export const diskBackupFiles: BackupFiles = {
  async read(path) {
    try {
      const size = (await stat(path)).size;
      if (size > MAX_BACKUP_BYTES) throw new AppError('invalid-input', `${basename(path)} is too large to be a backup.`, 'file');
      const handle = await open(path, 'r');
      try {
        return await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw error instanceof AppError ? error : fileError('read', path, error);
    }
  },
  async writePrivate(path, content) {
    // Written beside the target then renamed: a failure never leaves half a backup, and the 0600 mode is set
    // before a single byte is in the file.
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await chmod(temporary, 0o600);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw fileError('written', path, error);
    }
  },
};
