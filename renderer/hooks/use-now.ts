import { useSyncExternalStore } from 'react';
import { createClockStore } from '../state/clock-store';

/** The page's single ticker. */
export const pageClock = createClockStore();

/** Current wall-clock time, updated once a second for every subscriber by the same timer. */
export function useNow(): number {
  return useSyncExternalStore(pageClock.subscribe, pageClock.getSnapshot);
}
