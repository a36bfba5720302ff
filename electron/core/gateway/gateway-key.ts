import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A gateway key: the one credential of a gateway URL. 256 random bits in base64url (43 characters), so it can
 * stand in a URL path as it is. Only its SHA-256 digest is ever kept on disk or used to look it up.
 */

export const GATEWAY_KEY_BYTES = 32;
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/u;

export function newGatewayKey(): string {
  return randomBytes(GATEWAY_KEY_BYTES).toString('base64url');
}

/** What a path segment must look like to be worth hashing: anything else is an unknown key at once. */
export function looksLikeGatewayKey(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}

/** The SHA-256 digest of a key, base64url: what the key store keeps and what lookups go by. */
export function gatewayKeyDigest(key: string): string {
  // One-shot crypto.hash (Node 21.7+, so Electron 45's Node 24): no Hash object per request.
  return hash('sha256', key, 'base64url');
}

/** Compares two digests without a timing difference that depends on where they first differ. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'base64url');
  const right = Buffer.from(b, 'base64url');
  return left.length === right.length && timingSafeEqual(left, right);
}
