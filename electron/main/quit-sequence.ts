import type { App } from 'electron';
import type { Logger } from '../core/common/logger';

/**
 * Quitting waits for the clean-up (vault flushed, clipboard cleared if it still holds our token): the first
 * before-quit is held back, the clean-up runs once, then the app quits for real.
 */
export function holdQuitForCleanup(app: Pick<App, 'on' | 'quit'>, cleanup: () => Promise<void>, logger: Logger): { isQuitting(): boolean } {
  let quitting = false;
  let cleanedUp = false;
  let cleanupRunning = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (cleanedUp) return;
    event.preventDefault();
    if (cleanupRunning) return;
    cleanupRunning = true;
    cleanup()
      .catch((error: unknown) => logger.error('quit.cleanup-failed', { message: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        cleanedUp = true;
        app.quit();
      });
  });
  return { isQuitting: () => quitting };
}
