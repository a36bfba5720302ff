/** Time, as the lifecycle sees it. Tests pass a manual clock; the app passes the system one. */

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Wall-clock milliseconds since the epoch: token expiry instants are compared to this. */
  now(): number;
  /** A monotonic reading in milliseconds: unaffected by clock changes, used to detect jumps and sleeps. */
  monotonicNow(): number;
  /** Runs fn once after delayMs. */
  schedule(delayMs: number, fn: () => void): TimerHandle;
}

/** setTimeout overflows beyond 2^31-1 ms and then fires at once. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonicNow: () => performance.now(),
  schedule(delayMs, fn) {
    const timer = setTimeout(fn, Math.min(Math.max(0, delayMs), MAX_TIMER_DELAY_MS));
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};
