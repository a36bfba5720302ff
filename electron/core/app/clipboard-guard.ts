import { createHash } from 'node:crypto';
import type { Clock, TimerHandle } from '../common/clock';
import { systemClock } from '../common/clock';

/**
 * The system clipboard as main sees it (Electron's clipboard is asynchronous). The Electron adapter also
 * marks what it writes as sensitive where the platform has a format for it.
 */
export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

/**
 * Writes tokens to the clipboard and takes them away again: after the configured delay, and on quit,
 * but only when the clipboard still holds what we wrote (the user may have copied something else since).
 */
export interface ClipboardGuard {
  /** Writes text; clears it after clearAfterSeconds if unchanged (0 = never). */
  write(text: string, clearAfterSeconds: number): Promise<void>;
  /** Clears the clipboard if it still holds what we last wrote. Resolves true when it cleared. */
  clearIfOurs(): Promise<boolean>;
  /** True while the clipboard holds what we last wrote. */
  holdsOurs(): Promise<boolean>;
  /** Cancels the pending clear (the clipboard is left as it is). */
  dispose(): void;
}

/** Only a digest of what we wrote is kept, so the guard itself never holds the token. */
function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function createClipboardGuard(deps: { clipboard: ClipboardPort; clock?: Clock }): ClipboardGuard {
  const clock = deps.clock ?? systemClock;
  let writtenDigest: string | null = null;
  /** Bumped on every write, so a clear started for an earlier write never touches a later one. */
  let generation = 0;
  let pendingClear: TimerHandle | null = null;

  const cancelPendingClear = (): void => {
    pendingClear?.cancel();
    pendingClear = null;
  };

  const holdsOurs = async (): Promise<boolean> => {
    if (writtenDigest === null) return false;
    const expected = writtenDigest;
    return digest(await deps.clipboard.readText()) === expected;
  };

  const clearIfOurs = async (): Promise<boolean> => {
    cancelPendingClear();
    const clearing = generation;
    const ours = await holdsOurs();
    if (clearing !== generation) return false;
    if (ours) deps.clipboard.clear();
    writtenDigest = null;
    return ours;
  };

  return {
    async write(text, clearAfterSeconds) {
      cancelPendingClear();
      generation += 1;
      writtenDigest = digest(text);
      await deps.clipboard.writeText(text);
      if (clearAfterSeconds > 0) {
        pendingClear = clock.schedule(clearAfterSeconds * 1000, () => {
          pendingClear = null;
          // A clipboard that cannot be read now is left as it is: clearing blindly could wipe the user's own copy.
          clearIfOurs().catch(() => undefined);
        });
      }
    },
    clearIfOurs,
    holdsOurs,
    dispose: cancelPendingClear,
  };
}

/** A clipboard in memory: for tests and the browser harness. */
export class InMemoryClipboard implements ClipboardPort {
  private text = '';

  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }

  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }

  clear(): void {
    this.text = '';
  }

  /** What a person would paste now (tests). */
  peek(): string {
    return this.text;
  }

  /** Another application copies something (tests). */
  copyFromElsewhere(text: string): void {
    this.text = text;
  }
}
