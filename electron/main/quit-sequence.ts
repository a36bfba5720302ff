import type { App, BrowserWindow } from 'electron';
import type { Logger } from '../core/common/logger';

/** Quitting never waits longer than this for the clean-up (a refresh that hangs must not keep the app alive). */
export const QUIT_CLEANUP_BOUND_MS = 5_000;

export interface QuitSequence {
  isQuitting(): boolean;
  /** Runs the clean-up now (once, however often asked), without quitting: Windows ends the session itself. */
  cleanUpNow(): Promise<void>;
}

/**
 * Quitting waits for the clean-up (vault flushed, clipboard cleared if it still holds our token, CLI socket and
 * session file removed): the first before-quit is held back, the clean-up runs once, then the app quits for
 * real, after at most `boundMs` even when a step hangs.
 */
export function holdQuitForCleanup(
  app: Pick<App, 'on' | 'quit'>,
  cleanup: () => Promise<void>,
  logger: Logger,
  options: { boundMs?: number; setTimer?: (ms: number, run: () => void) => void } = {},
): QuitSequence {
  const boundMs = options.boundMs ?? QUIT_CLEANUP_BOUND_MS;
  const setTimer = options.setTimer ?? ((ms, run) => void setTimeout(run, ms).unref());
  let quitting = false;
  let cleanedUp = false;
  let running: Promise<void> | null = null;

  const cleanUpNow = (): Promise<void> => {
    running ??= new Promise<void>((resolve) => {
      setTimer(boundMs, () => {
        if (cleanedUp) return;
        logger.error('quit.cleanup-timed-out', { afterMs: boundMs });
        resolve();
      });
      cleanup()
        .catch((error: unknown) => logger.error('quit.cleanup-failed', { message: error instanceof Error ? error.message : String(error) }))
        .finally(resolve);
    }).then(() => {
      cleanedUp = true;
    });
    return running;
  };

  app.on('before-quit', (event) => {
    if (cleanedUp) {
      quitting = true;
      return;
    }
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    void cleanUpNow().then(() => app.quit());
  });
  return { isQuitting: () => quitting, cleanUpNow };
}

/**
 * Windows ends a session (shut down, restart, log off) without before-quit or will-quit (Electron's app
 * documentation): the clean-up starts at the window's query-session-end, the earliest warning, and
 * session-end (after which nothing can stop the end) makes sure it was started. Both events exist on Windows only.
 */
export function cleanUpOnWindowsSessionEnd(window: Pick<BrowserWindow, 'on'>, platform: NodeJS.Platform, quit: QuitSequence, logger: Logger): void {
  if (platform !== 'win32') return;
  const onEnd = (event: string) => (): void => {
    logger.info('quit.session-ending', { event });
    void quit.cleanUpNow();
  };
  window.on('query-session-end', onEnd('query-session-end'));
  window.on('session-end', onEnd('session-end'));
}
