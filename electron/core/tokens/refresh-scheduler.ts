import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import { accessTokenWithdrawn } from './account-state';
import type { AccountState } from './account-state';
import type { AccountRecord } from './account-storage';
import { ClockJumpWatch } from './clock-jump-watch';
import { backoffDelayMs, drawJitterMs, refreshDueAt } from './refresh-schedule';
import { TimerQueue } from './timer-queue';

/** A timer that fires this much after its wall-clock due time is reported as late. */
const LATE_TIMER_NOTICE_MS = 5_000;

export interface RefreshSchedulerDeps {
  clock: Clock;
  logger: Logger;
  random: () => number;
  /** Fixed refresh lead in seconds, or null for the default. */
  refreshLeadSeconds: number | null;
  /** An account's refresh is due (wall time has reached it). */
  onDue: (state: AccountState) => void;
  /** Its next refresh instant changed (for change events). */
  onScheduled: (state: AccountState) => void;
  /** Wall-clock and monotonic time drifted apart (sleep, clock change): every schedule must be recomputed. */
  onClockJump: () => void;
}

/**
 * When each account refreshes: timers on monotonic time (one heap for all accounts), a jitter per token, the backoff
 * after failures, and a watch that notices sleeps and clock changes. It decides when; the refresh procedure decides how.
 */
export class RefreshScheduler {
  private readonly timers: TimerQueue;
  private readonly clockWatch: ClockJumpWatch;
  private running = false;
  refreshLeadSeconds: number | null;

  constructor(private readonly deps: RefreshSchedulerDeps) {
    this.refreshLeadSeconds = deps.refreshLeadSeconds;
    this.timers = new TimerQueue(deps.clock);
    this.clockWatch = new ClockJumpWatch(deps.clock, (jumpMs) => {
      deps.logger.warn('clock-jump', { jumpSeconds: Math.round(jumpMs / 1000) });
      deps.onClockJump();
    });
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    this.running = true;
    this.clockWatch.start();
  }

  stop(): void {
    this.running = false;
    this.clockWatch.stop();
    this.timers.clear();
  }

  /** Restarts the clock watch from now (after a resync). */
  rewatch(): void {
    if (this.running) this.clockWatch.start();
  }

  /**
   * Sets the account's next refresh: at its retry instant after a failure, at once when it holds no usable token,
   * else at expiry minus the lead and its jitter. Nothing is scheduled for an account that cannot or must not refresh.
   */
  schedule(state: AccountState): void {
    this.cancel(state);
    state.nextRefreshAt = null;
    const { record } = state;
    if (!this.running || state.removed || state.inFlight || state.secretsUnreadable || record.needsExchangeToken || !record.autoRefresh) return;
    const now = this.deps.clock.now();
    let dueAt: number;
    if (state.retryAt !== null) dueAt = state.retryAt;
    else if (record.accessExpiresAt === null || record.accessIssuedAt === null || accessTokenWithdrawn(record)) dueAt = now;
    else dueAt = refreshDueAt(record.accessIssuedAt, record.accessExpiresAt, this.refreshLeadSeconds, state.jitterMs);
    state.nextRefreshAt = Math.max(dueAt, now);
    state.timer = this.timers.schedule(Math.max(0, dueAt - now), () => this.fire(state, dueAt));
    this.deps.onScheduled(state);
  }

  cancel(state: AccountState): void {
    state.timer?.cancel();
    state.timer = null;
  }

  /** A new token arrived: draw its jitter and forget past failures. */
  newToken(state: AccountState): void {
    state.jitterMs = this.jitterFor(state.record);
    this.clearRetry(state);
  }

  /** One more consecutive failure: when auto-refresh is on, the instant of the next try (backoff), else null. */
  failed(state: AccountState): number | null {
    const now = this.deps.clock.now();
    state.failedAttempts += 1;
    state.failingSince ??= now;
    state.retryAt = state.record.autoRefresh ? now + backoffDelayMs(state.failedAttempts, this.deps.random) : null;
    return state.retryAt;
  }

  clearRetry(state: AccountState): void {
    state.failedAttempts = 0;
    state.failingSince = null;
    state.retryAt = null;
  }

  jitterFor(record: AccountRecord): number {
    if (record.accessExpiresAt === null || record.accessIssuedAt === null) return 0;
    const lifetime = record.accessExpiresAt - record.accessIssuedAt;
    const lead = record.accessExpiresAt - refreshDueAt(record.accessIssuedAt, record.accessExpiresAt, this.refreshLeadSeconds, 0);
    return lifetime > 0 ? drawJitterMs(lead, this.deps.random) : 0;
  }

  private fire(state: AccountState, dueAt: number): void {
    state.timer = null;
    const now = this.deps.clock.now();
    // Timers can fire early (very long delays are capped) or late (sleep, clock change): wall time decides.
    if (now < dueAt) {
      this.schedule(state);
      return;
    }
    if (now - dueAt > LATE_TIMER_NOTICE_MS) {
      this.deps.logger.warn('refresh-timer-late', { account: state.record.id, lateSeconds: Math.round((now - dueAt) / 1000) });
    }
    this.deps.onDue(state);
  }
}
