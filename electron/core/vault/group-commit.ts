/**
 * Group commit: every change asks for a commit; commits arriving in the same turn of the event loop, or while a
 * write is in progress, share ONE write. Each caller's promise settles with the write that holds its change.
 * An exclusive job (a whole-file rewrite under a new key) runs between writes, never during one.
 *
 * No write starts within `minIntervalMs` of the start of the previous write or exclusive job (the job itself is
 * not delayed: it only waits for the write in progress), so a thousand refreshes make a few dozen writes, not a
 * thousand. A save with no write started in the last `minIntervalMs` is written right after the current turn of
 * the event loop, so the mark before a refresh token leaves waits for no timer then.
 */

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export class GroupCommit<T> {
  /** Waiting for the next write; their changes are in memory but not yet in a snapshot. */
  #next: Waiter[] = [];
  /** Waiting for the write in progress (their changes are in its snapshot). */
  #inFlight: Waiter[] | null = null;
  #exclusive: Promise<unknown> | null = null;
  #scheduled = false;
  /** performance.now() when the last write started; -Infinity before the first. */
  #lastStart = Number.NEGATIVE_INFINITY;

  /**
   * @param snapshot captures the in-memory state to write (synchronously, so it holds every change made so far)
   * @param persist writes a snapshot durably
   */
  constructor(
    private readonly snapshot: () => T,
    private readonly persist: (snapshot: T) => Promise<void>,
    private readonly minIntervalMs: number,
  ) {}

  /** Call after changing the in-memory state; resolves once a write holding that change is durable. */
  commit(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#next.push({ resolve, reject });
      this.#schedule();
    });
  }

  /** Resolves when every change committed so far is durable (rejects if the write holding one failed). */
  flush(): Promise<void> {
    if (this.#next.length > 0) return this.commit();
    const inFlight = this.#inFlight;
    if (inFlight === null) return this.#exclusive === null ? Promise.resolve() : this.#exclusive.then(() => undefined, () => undefined);
    return new Promise<void>((resolve, reject) => inFlight.push({ resolve, reject }));
  }

  get busy(): boolean {
    return this.#inFlight !== null || this.#next.length > 0 || this.#exclusive !== null;
  }

  /** Runs `job` once the write in progress (if any) is done; no write starts until it settles. */
  async exclusive<R>(job: () => Promise<R>): Promise<R> {
    while (this.#inFlight !== null || this.#exclusive !== null) {
      await (this.#exclusive ?? this.flush()).then(
        () => undefined,
        () => undefined,
      );
    }
    this.#lastStart = performance.now();
    const running = job();
    this.#exclusive = running;
    try {
      return await running;
    } finally {
      this.#exclusive = null;
      if (this.#next.length > 0) this.#schedule();
    }
  }

  #schedule(): void {
    // While a write or an exclusive job runs, the next batch starts when it ends.
    if (this.#inFlight !== null || this.#exclusive !== null || this.#scheduled) return;
    this.#scheduled = true;
    const start = (): void => {
      this.#scheduled = false;
      void this.#writeBatch();
    };
    const wait = this.#lastStart + this.minIntervalMs - performance.now();
    // setImmediate: every change made in this turn (a refreshAll marking all its accounts) joins the write.
    if (wait <= 0) setImmediate(start);
    else setTimeout(start, wait);
  }

  async #writeBatch(): Promise<void> {
    if (this.#exclusive !== null) return; // it reschedules when done
    const batch = this.#next;
    this.#next = [];
    if (batch.length === 0) return;
    this.#inFlight = batch;
    this.#lastStart = performance.now();
    let failure: { error: unknown } | null = null;
    try {
      await this.persist(this.snapshot());
    } catch (error) {
      failure = { error };
    }
    this.#inFlight = null;
    for (const waiter of batch) {
      if (failure === null) waiter.resolve();
      else waiter.reject(failure.error);
    }
    if (this.#next.length > 0) this.#schedule();
  }
}
