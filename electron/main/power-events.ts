import type { PowerMonitor } from 'electron';
import type { Logger } from '../core/common/logger';

/** After sleep or a locked screen, timers may have fired late or not at all: reschedule from wall-clock expiry. */
export const WAKE_EVENTS = ['resume', 'unlock-screen'] as const;

export function resyncOnWake(powerMonitor: Pick<PowerMonitor, 'on'>, resync: () => void, logger: Logger): void {
  for (const wakeEvent of WAKE_EVENTS) {
    // PowerMonitor's typings list each event in its own overload; the loop needs the common shape.
    (powerMonitor.on as (event: string, listener: () => void) => unknown)(wakeEvent, () => {
      logger.info('power.wake', { event: wakeEvent });
      resync();
    });
  }
}
