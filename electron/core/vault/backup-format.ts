import { z } from 'zod';
import { AppError } from '../common/app-error';
import type { ScryptParams, StoredScrypt } from './scrypt';
import { deriveKey, newScryptSettings, storedScryptSchema } from './scrypt';
import { SealBrokenError, open, seal } from './secret-box';

/**
 * The backup file: versioned JSON text, its payload sealed with AES-256-GCM under a key derived (scrypt) from
 * the backup's own passphrase. The header is the associated data, so changing any of it breaks the seal.
 *
 *   { format, version: 1, createdAt, kdf: { name: 'scrypt', N, r, p, salt }, payload: "<nonce>.<ciphertext+tag>" }
 *   payload plaintext: { accounts: BackupAccount[] }
 */

export const BACKUP_FORMAT = 'winbooks-token-manager-backup';
export const BACKUP_VERSION = 1;

export const backupAccountSchema = z.object({
  /** The account's id on the PC that exported it (absent from backups made before ids were kept). */
  id: z.string().optional(),
  label: z.string(),
  email: z.string(),
  host: z.string(),
  autoRefresh: z.boolean(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
  accessIssuedAt: z.number().nullable(),
  accessExpiresAt: z.number().nullable(),
  lastRefreshAt: z.number().nullable(),
  needsExchangeToken: z.boolean(),
  exchangeToken: z.string(),
  refreshToken: z.string().nullable(),
  accessToken: z.string().nullable(),
});
export type BackupAccount = z.infer<typeof backupAccountSchema>;

const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  kdf: storedScryptSchema,
  payload: z.string(),
});
type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** The accounts inside: entries are checked one by one later, so one bad entry is skipped, not fatal. */
const payloadSchema = z.object({ accounts: z.array(z.unknown()) });

function headerContext(header: { createdAt: string; kdf: StoredScrypt }): string {
  const { kdf } = header;
  return `${BACKUP_FORMAT}|v${BACKUP_VERSION}|${header.createdAt}|${kdf.name}|${kdf.N}|${kdf.r}|${kdf.p}|${kdf.salt}`;
}

export async function sealBackup(accounts: BackupAccount[], passphrase: string, params: ScryptParams, now: number): Promise<string> {
  const kdf = newScryptSettings(params);
  const createdAt = new Date(now).toISOString();
  const key = await deriveKey(passphrase, kdf);
  const payload = seal(key, JSON.stringify({ accounts }), headerContext({ createdAt, kdf }));
  key.fill(0);
  const file: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt, kdf, payload };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function notABackup(detail: string): AppError {
  return new AppError('invalid-input', `This file is not a Winbooks Token Manager backup (${detail}). Choose the .json file made by "Export backup".`, 'content');
}

/** Opens a backup; every failure is an AppError saying what is wrong, and nothing has been changed. */
export async function openBackup(content: string, passphrase: string): Promise<unknown[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw notABackup('it is not JSON text');
  }
  if (typeof parsed !== 'object' || parsed === null || !('format' in parsed) || parsed.format !== BACKUP_FORMAT) {
    throw notABackup('it does not carry the backup format marker');
  }
  if (!('version' in parsed) || typeof parsed.version !== 'number' || parsed.version !== BACKUP_VERSION) {
    const found: unknown = 'version' in parsed ? parsed.version : undefined;
    const version = typeof found === 'number' || typeof found === 'string' ? String(found) : 'none';
    const newer = typeof found === 'number' && found > BACKUP_VERSION;
    throw new AppError(
      'invalid-input',
      newer
        ? `This backup was made by a newer version of Winbooks Token Manager (format ${version}); update the app to import it.`
        : `This backup has a format this version cannot read (format ${version}; expected ${BACKUP_VERSION}).`,
      'content',
    );
  }
  const header = backupHeaderSchema.safeParse(parsed);
  if (!header.success) {
    throw new AppError('invalid-input', 'This backup file is damaged: its header is incomplete or invalid. Export a new backup on the other PC.', 'content');
  }
  const key = await deriveKey(passphrase, header.data.kdf);
  let plaintext: string;
  try {
    plaintext = open(key, header.data.payload, headerContext(header.data));
  } catch (error) {
    if (!(error instanceof SealBrokenError)) throw error;
    throw new AppError(
      'invalid-input',
      'The backup cannot be opened: the passphrase is wrong, or the file was changed after it was exported. Check the passphrase (Caps Lock, keyboard layout) and try again.',
      'passphrase',
    );
  } finally {
    key.fill(0);
  }
  const payload = payloadSchema.safeParse(JSON.parse(plaintext));
  if (!payload.success) {
    throw new AppError('invalid-input', 'This backup file is damaged: its content is not a list of accounts.', 'content');
  }
  return payload.data.accounts;
}

export function backupFileName(now: number): string {
  return `winbooks-tokens-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}
