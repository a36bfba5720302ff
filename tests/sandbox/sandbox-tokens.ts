import { randomBytes } from 'node:crypto';

/**
 * Fake secrets shaped like the live ones: access tokens are Fernet-style (`gAAAAAB...`), refresh tokens
 * carry the `TGe0!IAAAA` prefix seen in the documented sample. All random, never reused.
 */

export function newAccessToken(): string {
  return `gAAAAAB${randomBytes(96).toString('base64url')}`;
}

export function newRefreshToken(): string {
  return `TGe0!IAAAA${randomBytes(48).toString('base64url')}`;
}

export function newExchangeToken(): string {
  return `WbX${randomBytes(36).toString('base64url')}`;
}
