import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/**
 * AES-256-GCM with a fresh random 96-bit nonce per seal. Sealed text is `base64(nonce).base64(ciphertext || tag)`.
 * The associated data is not stored: the reader must supply the same context, so a sealed value moved to
 * another place fails authentication.
 */

const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
export const DATA_KEY_LENGTH = 32;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_LENGTH);
}

/** Nonces come from a pool refilled from the CSPRNG in one call per 256 nonces: randomBytes per seal costs more than the seal. */
const NONCE_POOL = Buffer.alloc(NONCE_LENGTH * 256);
let poolOffset = NONCE_POOL.length;

function freshNonce(): Buffer {
  if (poolOffset === NONCE_POOL.length) {
    randomFillSync(NONCE_POOL);
    poolOffset = 0;
  }
  const nonce = Buffer.from(NONCE_POOL.subarray(poolOffset, poolOffset + NONCE_LENGTH));
  poolOffset += NONCE_LENGTH;
  return nonce;
}

/** A raw 32-byte key, or the same as a KeyObject (cheaper when one key seals many values). */
export type SealKey = Buffer | KeyObject;

export function seal(key: SealKey, plaintext: string, associatedData: string): string {
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${nonce.toString('base64')}.${body.toString('base64')}`;
}

export class SealBrokenError extends Error {
  override readonly name = 'SealBrokenError';
}

/** Throws SealBrokenError when the value is malformed or fails authentication (wrong key, tampered, moved). */
export function open(key: SealKey, sealed: string, associatedData: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 2) throw new SealBrokenError('malformed ciphertext');
  const nonce = Buffer.from(parts[0] ?? '', 'base64');
  const body = Buffer.from(parts[1] ?? '', 'base64');
  if (nonce.length !== NONCE_LENGTH || body.length < TAG_LENGTH) throw new SealBrokenError('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_LENGTH });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - TAG_LENGTH));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_LENGTH)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealBrokenError('authentication failed');
  }
}
