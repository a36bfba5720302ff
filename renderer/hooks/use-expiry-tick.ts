import { useEffect, useState } from 'react';
import type { AccountSummary } from '../../electron/shared/account-summary';
import { nextExpiry } from '../state/account-view';

/** Longest a timer may be set for (setTimeout overflows past 2^31 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * An instant that moves forward each time one of the accounts' access tokens expires: lists and counts that
 * depend on expiry recompute then, instead of on every tick of the clock.
 */
export function useExpiryTick(accounts: readonly AccountSummary[]): number {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const next = nextExpiry(accounts, Date.now());
    if (next === null) return undefined;
    const timer = window.setTimeout(() => setTick(Date.now()), Math.min(MAX_TIMER_MS, next - Date.now() + 50));
    return () => window.clearTimeout(timer);
  }, [accounts, tick]);
  useEffect(() => setTick(Date.now()), [accounts]);
  return tick;
}
