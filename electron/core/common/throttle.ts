import type { Clock, TimerHandle } from './clock';

/**
 * Runs fn at most once per interval: the first call runs at once, calls during the interval are folded
 * into one run at its end. Used to rebuild the tray menu when many accounts change together.
 */
export function throttle(clock: Clock, intervalMs: number, fn: () => void): { call(): void; cancel(): void } {
  let lastRun = -Infinity;
  let pending: TimerHandle | null = null;

  const run = (): void => {
    pending = null;
    lastRun = clock.monotonicNow();
    fn();
  };

  return {
    call() {
      if (pending !== null) return;
      const wait = lastRun + intervalMs - clock.monotonicNow();
      if (wait <= 0) run();
      else pending = clock.schedule(wait, run);
    },
    cancel() {
      pending?.cancel();
      pending = null;
    },
  };
}
