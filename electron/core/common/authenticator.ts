import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Authenticates a file the app keeps outside the vault (preferences, gateway keys) with a key derived from the
 * vault's data key: only a process holding the open vault can make a tag that verifies. Tags are base64url.
 */
export interface Authenticator {
  sign(bytes: Uint8Array): string;
  verify(bytes: Uint8Array, tag: string): boolean;
}

/** Where an authenticator for a purpose comes from: null while the vault is not open. */
export type AuthenticatorSource = (purpose: string) => Authenticator | null;

export function hmacAuthenticator(key: Buffer): Authenticator {
  const sign = (bytes: Uint8Array): string => createHmac('sha256', key).update(bytes).digest('base64url');
  return {
    sign,
    verify(bytes, tag) {
      const expected = Buffer.from(sign(bytes));
      const given = Buffer.from(tag);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** A file kept outside the vault but authenticated with a key from it (preferences, gateway keys). */
export interface VaultBoundFile {
  /** The vault just opened: check what was read from disk before anything uses it. */
  verify(): Promise<void>;
  /** The vault was re-keyed: sign again with the new key. */
  resign(): Promise<void>;
}
