import type { Clock, TimerHandle } from '../../electron/core/common/clock';

interface PendingTimer {
  dueMonotonic: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A clock the test moves by hand. Timers run on monotonic time like Node's; `sleep` moves only the wall clock,
 * the way a laptop lid does, and `advance` moves both and fires every timer that comes due, in order.
 */
export class ManualClock implements Clock {
  private wall: number;
  private monotonic = 0;
  private order = 0;
  private timers: PendingTimer[] = [];

  constructor(startWall = Date.UTC(2026, 10, 30, 9, 0, 0)) {
    this.wall = startWall;
  }

  now(): number {
    return this.wall;
  }

  monotonicNow(): number {
    return this.monotonic;
  }

  schedule(delayMs: number, fn: () => void): TimerHandle {
    const timer: PendingTimer = { dueMonotonic: this.monotonic + Math.max(0, delayMs), order: this.order++, fn, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** Moves both clocks forward by ms, firing due timers one by one and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    // Timers armed from a microtask (the lifecycle's timer queue arms once per burst) are in place first.
    await Promise.resolve();
    const target = this.monotonic + ms;
    for (;;) {
      const next = this.nextTimer();
      if (!next || next.dueMonotonic > target) break;
      this.wall += next.dueMonotonic - this.monotonic;
      this.monotonic = next.dueMonotonic;
      next.cancelled = true;
      next.fn();
      await settle();
    }
    this.wall += target - this.monotonic;
    this.monotonic = target;
    await settle();
  }

  /** The machine slept: wall time moved on, monotonic time and timers did not. */
  sleep(ms: number): void {
    this.wall += ms;
  }

  pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  private nextTimer(): PendingTimer | undefined {
    this.timers = this.timers.filter((t) => !t.cancelled);
    return [...this.timers].sort((a, b) => a.dueMonotonic - b.dueMonotonic || a.order - b.order)[0];
  }
}

/** Lets every pending promise chain run (several macrotask turns, for chains that cross setImmediate). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
