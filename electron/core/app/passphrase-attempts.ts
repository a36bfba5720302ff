import { AppError } from '../common/app-error';
import { OneAtATime } from '../common/one-at-a-time';

/** Free wrong guesses before answers slow down; then each waits twice as long, up to the cap. */
export const FREE_GUESSES = 3;
export const MAX_GUESS_DELAY_MS = 30_000;

export function delayAfterFailures(failures: number): number {
  return failures < FREE_GUESSES ? 0 : Math.min(MAX_GUESS_DELAY_MS, 1000 * 2 ** (failures - FREE_GUESSES));
}

function isWrongPassphrase(error: unknown): boolean {
  return error instanceof AppError && error.code === 'invalid-input' && (error.field === 'passphrase' || error.field === 'current');
}

/**
 * Checks of the vault passphrase (unlock, change, the export confirmation) one at a time, each wrong one making
 * the next answer wait longer: a compromised window could otherwise try passphrases in a loop, in parallel.
 * scrypt already costs about a second per guess; this keeps a loop from using every core and every second.
 */
export class PassphraseAttempts {
  #failures = 0;
  readonly #turns = new OneAtATime();

  constructor(private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))) {}

  check<T>(attempt: () => Promise<T>): Promise<T> {
    return this.#turns.next(async () => {
      const delay = delayAfterFailures(this.#failures);
      if (delay > 0) await this.wait(delay);
      try {
        const result = await attempt();
        this.#failures = 0;
        return result;
      } catch (error) {
        if (isWrongPassphrase(error)) this.#failures += 1;
        throw error;
      }
    });
  }
}
