import type { Clock, TimerHandle } from '../common/clock';

export const CLOCK_WATCH_INTERVAL_MS = 30_000;
/** A gap this large between wall-clock and monotonic time means sleep or a clock change. */
export const CLOCK_JUMP_THRESHOLD_MS = 10_000;

/**
 * Timers run on monotonic time, which stands still while the machine sleeps and ignores clock changes, while
 * token expiry is wall-clock. This watch compares the two every 30 s and reports a jump, so no refresh is
 * left waiting on a timer that now fires late.
 */
export class ClockJumpWatch {
  private timer: TimerHandle | null = null;
  private lastWall = 0;
  private lastMonotonic = 0;

  constructor(
    private readonly clock: Clock,
    private readonly onJump: (jumpMs: number) => void,
  ) {}

  start(): void {
    this.stop();
    this.lastWall = this.clock.now();
    this.lastMonotonic = this.clock.monotonicNow();
    this.timer = this.clock.schedule(CLOCK_WATCH_INTERVAL_MS, () => this.check());
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private check(): void {
    const wall = this.clock.now();
    const monotonic = this.clock.monotonicNow();
    const jump = wall - this.lastWall - (monotonic - this.lastMonotonic);
    this.lastWall = wall;
    this.lastMonotonic = monotonic;
    this.timer = this.clock.schedule(CLOCK_WATCH_INTERVAL_MS, () => this.check());
    if (Math.abs(jump) > CLOCK_JUMP_THRESHOLD_MS) this.onJump(jump);
  }
}
