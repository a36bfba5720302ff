import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/** scrypt cost parameters, stored next to the salt so a later version can raise them without breaking old files. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. Memory used is 128 * N * r bytes. */
  N: number;
  r: number;
  p: number;
}

/**
 * Measured on the development machine (Node 20, 2 cores): N=2^15 ~95 ms, 2^16 ~180 ms, 2^17 ~370 ms per
 * derivation. 2^15 keeps one passphrase guess at ~100 ms (32 MiB of memory each) as the issue asks.
 * `tests/vault/measure-scrypt.ts` measures it again.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** Memory one derivation may use when the parameters come from a file (a tampered file must not exhaust memory). */
const MAX_STORED_SCRYPT_MEMORY = 256 * 1024 * 1024;

/** What a stored file may ask for: enough to read any file we wrote, bounded so a tampered file cannot exhaust memory. */
export const storedScryptSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, { error: 'N must be a power of two' }),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().min(1),
  })
  .refine((kdf) => 128 * kdf.N * kdf.r <= MAX_STORED_SCRYPT_MEMORY, { error: 'scrypt memory cost too high' });
export type StoredScrypt = z.infer<typeof storedScryptSchema>;

export function newScryptSettings(params: ScryptParams): StoredScrypt {
  return { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: randomBytes(SALT_LENGTH).toString('base64') };
}

/** Derives a 256-bit key on the thread pool (it does not block the event loop). */
export function deriveKey(passphrase: string, settings: StoredScrypt): Promise<Buffer> {
  // The same passphrase typed on another OS may arrive in another Unicode form.
  const normalised = passphrase.normalize('NFC');
  const maxmem = 128 * settings.N * settings.r * settings.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalised, Buffer.from(settings.salt, 'base64'), KEY_LENGTH, { N: settings.N, r: settings.r, p: settings.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
