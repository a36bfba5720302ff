/**
 * One shared ticker for the whole page: every countdown subscribes here, so there is a single timer however
 * many accounts are shown. The snapshot changes once per tick, so subscribers re-render at most once a tick.
 */

export interface ClockStore {
  subscribe: (listener: () => void) => () => void;
  /** Wall-clock ms, rounded down to the tick. */
  getSnapshot: () => number;
}

export interface ClockStoreDeps {
  tickMs?: number;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export function createClockStore(deps: ClockStoreDeps = {}): ClockStore {
  const tickMs = deps.tickMs ?? 1000;
  const now = deps.now ?? (() => Date.now());
  const startTimer = deps.setInterval ?? ((fn: () => void, ms: number): unknown => window.setInterval(fn, ms));
  const stopTimer = deps.clearInterval ?? ((handle: unknown) => window.clearInterval(handle as number));
  const listeners = new Set<() => void>();
  let timer: unknown = null;
  let snapshot = floorToTick(now(), tickMs);

  const tick = (): void => {
    const next = floorToTick(now(), tickMs);
    if (next === snapshot) return;
    snapshot = next;
    for (const listener of listeners) listener();
  };

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      if (timer === null) {
        snapshot = floorToTick(now(), tickMs);
        timer = startTimer(tick, Math.max(50, Math.floor(tickMs / 4)));
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          stopTimer(timer);
          timer = null;
        }
      };
    },
    getSnapshot: () => snapshot,
  };
}

function floorToTick(ms: number, tickMs: number): number {
  return Math.floor(ms / tickMs) * tickMs;
}
