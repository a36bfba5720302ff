import type { Clock, TimerHandle } from '../common/clock';

/** A scheduled call; it is its own handle (no closure per timer). */
class Entry implements TimerHandle {
  cancelled = false;
  constructor(
    readonly dueMonotonic: number,
    readonly order: number,
    public fn: (() => void) | null,
    private readonly queue: TimerQueue,
  ) {}

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.fn = null;
    this.queue.noteCancelled();
  }
}

/** Cancelled entries are swept out once they are this many and more than half the heap. */
const SWEEP_AT_LEAST = 256;

/**
 * Many timers on one: a min-heap of due times and a single clock timer for the earliest. A thousand accounts then
 * cost one pending timer instead of a thousand, and rescheduling an account is a heap insert. Cancelled entries are
 * dropped lazily when they reach the top.
 */
export class TimerQueue {
  private readonly heap: Entry[] = [];
  private armed: { handle: TimerHandle; dueMonotonic: number } | null = null;
  private armRequested = false;
  private order = 0;
  private cancelledInHeap = 0;

  constructor(private readonly clock: Clock) {}

  schedule(delayMs: number, fn: () => void): TimerHandle {
    const entry = new Entry(this.clock.monotonicNow() + Math.max(0, delayMs), this.order++, fn, this);
    this.push(entry);
    // Arm once per burst of schedules (start-up schedules every account at once).
    if (!this.armRequested) {
      this.armRequested = true;
      queueMicrotask(() => {
        this.armRequested = false;
        this.arm();
      });
    }
    return entry;
  }

  /** Cancels everything. */
  clear(): void {
    for (const entry of this.heap) {
      entry.cancelled = true;
      entry.fn = null;
    }
    this.heap.length = 0;
    this.cancelledInHeap = 0;
    this.armed?.handle.cancel();
    this.armed = null;
  }

  /**
   * Called by an entry when it is cancelled. A burst of refreshes (refresh all, a resync) cancels many entries far
   * from the top: they are swept out together rather than kept until they come due.
   */
  noteCancelled(): void {
    this.cancelledInHeap += 1;
    if (this.cancelledInHeap >= SWEEP_AT_LEAST && this.cancelledInHeap * 2 > this.heap.length) this.sweep();
  }

  get size(): number {
    return this.heap.filter((entry) => !entry.cancelled).length;
  }

  private arm(): void {
    this.dropCancelledTop();
    const top = this.heap[0];
    if (top === undefined) {
      this.armed?.handle.cancel();
      this.armed = null;
      return;
    }
    if (this.armed !== null && this.armed.dueMonotonic <= top.dueMonotonic) return;
    this.armed?.handle.cancel();
    const dueMonotonic = top.dueMonotonic;
    this.armed = { dueMonotonic, handle: this.clock.schedule(dueMonotonic - this.clock.monotonicNow(), () => this.fire()) };
  }

  private fire(): void {
    this.armed = null;
    const now = this.clock.monotonicNow();
    for (let top = this.heap[0]; top !== undefined && top.dueMonotonic <= now; top = this.heap[0]) {
      this.pop();
      if (top.cancelled) {
        this.cancelledInHeap -= 1;
      } else {
        const fn = top.fn;
        top.cancelled = true;
        top.fn = null;
        fn?.();
      }
    }
    this.arm();
  }

  private dropCancelledTop(): void {
    while (this.heap[0]?.cancelled === true) {
      this.pop();
      this.cancelledInHeap -= 1;
    }
  }

  private sweep(): void {
    const live = this.heap.filter((entry) => !entry.cancelled);
    this.heap.length = 0;
    this.cancelledInHeap = 0;
    for (const entry of live) this.push(entry);
  }

  private before(a: Entry, b: Entry): boolean {
    return a.dueMonotonic < b.dueMonotonic || (a.dueMonotonic === b.dueMonotonic && a.order < b.order);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex];
      if (parent === undefined || !this.before(entry, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = entry;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = last;
      let smallestIndex = -1;
      const leftEntry = heap[left];
      const rightEntry = heap[right];
      if (leftEntry !== undefined && this.before(leftEntry, smallest)) {
        smallest = leftEntry;
        smallestIndex = left;
      }
      if (rightEntry !== undefined && this.before(rightEntry, smallest)) {
        smallest = rightEntry;
        smallestIndex = right;
      }
      if (smallestIndex === -1) break;
      heap[index] = smallest;
      index = smallestIndex;
    }
    heap[index] = last;
  }
}
