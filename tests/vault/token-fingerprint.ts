import { createHash } from 'node:crypto';

/** A short hash that identifies a token in test output without revealing it. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 20);
}
