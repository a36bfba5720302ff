/**
 * A crashed page is reloaded, but one that crashes again and again (a deterministic bug, a bad GPU driver) is
 * not reloaded forever: after `limit` crashes within `windowMs` the guard says stop.
 */
export const RENDERER_CRASH_LIMIT = 3;
export const RENDERER_CRASH_WINDOW_MS = 60_000;

export function rendererCrashGuard(now: () => number, limit = RENDERER_CRASH_LIMIT, windowMs = RENDERER_CRASH_WINDOW_MS): { shouldReload(): boolean } {
  let crashes: number[] = [];
  return {
    shouldReload: () => {
      const at = now();
      crashes = [...crashes.filter((time) => at - time < windowMs), at];
      return crashes.length <= limit;
    },
  };
}
