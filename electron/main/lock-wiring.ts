import type { PowerMonitor } from 'electron';
import { AutoLock } from '../core/app/auto-lock';
import type { AutoLockDeps } from '../core/app/auto-lock';

/** Seconds of idle time the OS reports; never below 1 min of auto-lock anyway. */
export const SYSTEM_LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

/**
 * Auto-lock on Electron: the OS's idle time (powerMonitor.getSystemIdleTime, polled) and its screen-lock and
 * suspend events. 'lock-screen' exists on macOS and Windows; Linux desktops do not emit it, so the idle
 * timer and suspend cover them.
 */
export function startAutoLock(powerMonitor: Pick<PowerMonitor, 'on' | 'getSystemIdleTime'>, deps: Omit<AutoLockDeps, 'idleSeconds'>): AutoLock {
  const autoLock = new AutoLock({ ...deps, idleSeconds: () => powerMonitor.getSystemIdleTime() });
  for (const event of SYSTEM_LOCK_EVENTS) {
    (powerMonitor.on as (name: string, listener: () => void) => unknown)(event, () => autoLock.onSystemLock(event));
  }
  autoLock.start();
  return autoLock;
}
