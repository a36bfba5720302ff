import type { Clock, TimerHandle } from '../common/clock';
import type { Logger } from '../common/logger';
import { silentLogger } from '../common/logger';

/** How often main asks the OS how long the user has been idle. */
export const IDLE_POLL_MS = 30_000;

export interface AutoLockDeps {
  clock: Clock;
  /** Seconds since the user last touched keyboard or mouse (Electron's powerMonitor.getSystemIdleTime). */
  idleSeconds: () => number;
  /** Settings' autoLockMinutes, read at each poll; null = never. */
  idleMinutes: () => number | null;
  canLock: () => boolean;
  lock: () => Promise<unknown>;
  logger?: Logger;
}

/**
 * Locks the vault after the idle time chosen in Settings and at once when the screen locks or the computer
 * suspends. Main feeds it the OS's idle time and power events; everything else is here, testable without Electron.
 */
export class AutoLock {
  private timer: TimerHandle | null = null;
  private readonly logger: Logger;

  constructor(private readonly deps: AutoLockDeps) {
    this.logger = deps.logger ?? silentLogger;
  }

  start(): void {
    if (this.timer !== null) return;
    const poll = (): void => {
      this.timer = this.deps.clock.schedule(IDLE_POLL_MS, () => {
        this.checkIdle();
        poll();
      });
    };
    poll();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  /** The screen was locked or the computer is going to sleep. */
  onSystemLock(event: 'lock-screen' | 'suspend'): void {
    this.lockIfPossible(event);
  }

  checkIdle(): void {
    const minutes = this.deps.idleMinutes();
    if (minutes === null) return;
    if (this.deps.idleSeconds() >= minutes * 60) this.lockIfPossible('idle');
  }

  private lockIfPossible(reason: string): void {
    if (!this.deps.canLock()) return;
    this.logger.info('vault.auto-lock', { reason });
    this.deps.lock().catch((error: unknown) => {
      this.logger.error('vault.auto-lock-failed', { reason, message: error instanceof Error ? error.message : String(error) });
    });
  }
}
