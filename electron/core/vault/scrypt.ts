import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../common/app-error';

/**
 * scrypt: the passphrase KDF of the vault and of backups. Argon2id would be the first choice, but Electron 45's
 * node:crypto is BoringSSL, where `crypto.argon2` throws; scrypt is there and memory-hard.
 */

/** scrypt cost parameters, stored next to the salt so a later version can raise them without breaking old files. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. Memory used is 128 * N * r bytes. */
  N: number;
  r: number;
  p: number;
}

/**
 * The cost of every new wrap and backup, and the level older files are raised to on their next unlock:
 * 2^17 (128 MiB per guess), the floor OWASP gives for scrypt. `tests/vault/measure-scrypt.ts` measures it
 * (0.85-1.0 s of CPU per derivation on the shared 2-core machine under heavy load; an earlier measurement on an idle machine gave ~370 ms).
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * What a file may ask for. Its parameters are read before anything is authenticated, so a tampered or hostile
 * file could otherwise make one unlock take gigabytes or minutes. Room to raise the target twice in memory
 * (2^18 at r=8: 256 MiB) and four times in work (a few seconds).
 */
export const SCRYPT_LIMITS = { maxMemoryBytes: 256 * 2 ** 20, maxWork: 2 ** 22 } as const;

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Node refuses scrypt when about 128 * N * r exceeds maxmem; leave room for its other buffers (128 * r * p). */
const MAXMEM_HEADROOM = 32 * 2 ** 20;

/** The shape of stored settings. Their magnitude is checked when they are used (scryptSettingsProblem). */
export const storedScryptSchema = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2)
    .refine((n) => Number.isSafeInteger(n) && (n & (n - 1)) === 0, { error: 'N must be a power of two' }),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: z.string().min(1),
});
export type StoredScrypt = z.infer<typeof storedScryptSchema>;

export function scryptMemoryBytes(params: ScryptParams): number {
  return 128 * params.N * params.r;
}

function scryptWork(params: ScryptParams): number {
  return params.N * params.r * params.p;
}

function describeParams(params: ScryptParams): string {
  const exponent = Math.log2(params.N);
  const n = Number.isInteger(exponent) ? `2^${exponent}` : String(params.N);
  return `scrypt N=${n}, r=${params.r}, p=${params.p}`;
}

/**
 * Why these parameters must not be used, as the end of "its header asks for ...", or null when they are fine.
 * Checked before any derivation: a file's header is read before anything in it can be authenticated.
 */
export function scryptSettingsProblem(params: ScryptParams): string | null {
  const memory = scryptMemoryBytes(params);
  if (memory > SCRYPT_LIMITS.maxMemoryBytes) {
    return `key-derivation settings (${describeParams(params)}) that would need ${Math.round(memory / 2 ** 20)} MiB of memory, more than the ${SCRYPT_LIMITS.maxMemoryBytes / 2 ** 20} MiB this app allows`;
  }
  if (scryptWork(params) > SCRYPT_LIMITS.maxWork) {
    return `key-derivation settings (${describeParams(params)}) that would take minutes of computing, far more than this app ever uses`;
  }
  return null;
}

/** Refused stored settings: the file was damaged or written by someone else, never by this app. */
export class ScryptSettingsRefusedError extends AppError {
  constructor(
    readonly settings: ScryptParams,
    problem: string,
  ) {
    super('invalid-input', `This file is damaged: its header asks for ${problem}. It was not written by this app as it is; nothing was changed.`, 'content');
  }
}

/** Whether settings cost less than the target, in memory or in work: such a wrap is redone on the next unlock. */
export function isBelowTarget(settings: ScryptParams, target: ScryptParams): boolean {
  return scryptMemoryBytes(settings) < scryptMemoryBytes(target) || scryptWork(settings) < scryptWork(target);
}

export function newScryptSettings(params: ScryptParams): StoredScrypt {
  return { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: randomBytes(SALT_LENGTH).toString('base64') };
}

/**
 * Derives a 256-bit key on the thread pool (it does not block the event loop). Rejects with
 * ScryptSettingsRefusedError, before any work, when the settings exceed SCRYPT_LIMITS.
 */
export function deriveKey(passphrase: string, settings: StoredScrypt): Promise<Buffer> {
  const problem = scryptSettingsProblem(settings);
  if (problem !== null) return Promise.reject(new ScryptSettingsRefusedError(settings, problem));
  // The same passphrase typed on another OS may arrive in another Unicode form.
  const normalised = passphrase.normalize('NFC');
  const maxmem = scryptMemoryBytes(settings) + MAXMEM_HEADROOM;
  return new Promise((resolve, reject) => {
    scrypt(normalised, Buffer.from(settings.salt, 'base64'), KEY_LENGTH, { N: settings.N, r: settings.r, p: settings.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
