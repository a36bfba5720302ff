/** Lifetime-bar arithmetic for the access token. Pure, so it is unit-tested. */

/** Share of the token's lifetime still left, from 1 (just issued) to 0 (expired). */
export function lifetimeLeft(issuedAt: number | null, expiresAt: number, now: number): number {
  if (issuedAt === null || expiresAt <= issuedAt) return expiresAt > now ? 1 : 0;
  return Math.min(1, Math.max(0, (expiresAt - now) / (expiresAt - issuedAt)));
}

/** Whole seconds until expiry, rounded up so "1 s" shows until the very end; 0 once expired. */
export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}
