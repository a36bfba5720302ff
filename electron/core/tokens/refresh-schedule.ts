/** When to refresh and when to retry: pure arithmetic, so it can be tested on its own. */

export const MIN_LEAD_MS = 30_000;
export const MAX_LEAD_MS = 5 * 60_000;
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** Jitter moves a refresh earlier by at most this share of the lead. */
export const JITTER_SHARE_OF_LEAD = 0.1;

/**
 * How long before expiry to refresh: 10% of the token's lifetime, bounded to [30 s, 5 min], or the user's fixed
 * lead. Never more than half the lifetime, or a short-lived token would be refreshed again as soon as it arrives.
 */
export function refreshLeadMs(lifetimeMs: number, fixedLeadSeconds: number | null): number {
  const wanted = fixedLeadSeconds === null ? Math.min(Math.max(lifetimeMs * 0.1, MIN_LEAD_MS), MAX_LEAD_MS) : fixedLeadSeconds * 1000;
  return Math.max(0, Math.min(wanted, lifetimeMs / 2));
}

/** A jitter in [0, 10% of the lead], drawn once per token so a resync does not move the refresh around. */
export function drawJitterMs(leadMs: number, random: () => number): number {
  return Math.floor(random() * leadMs * JITTER_SHARE_OF_LEAD);
}

export function refreshDueAt(issuedAt: number, expiresAt: number, fixedLeadSeconds: number | null, jitterMs: number): number {
  return expiresAt - refreshLeadMs(expiresAt - issuedAt, fixedLeadSeconds) - jitterMs;
}

/** Delay before retry number `attempt` (1-based): 5 s doubling to 5 min, jittered down by up to 20%. */
export function backoffDelayMs(attempt: number, random: () => number): number {
  const nominal = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_CAP_MS);
  return Math.round(nominal * (0.8 + 0.2 * random()));
}
