import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The per-session secret the CLI reads from the 0600 session file and presents with every request. */

export function newSessionSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time comparison; hashing first makes the lengths equal so timingSafeEqual cannot throw. */
export function secretMatches(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
