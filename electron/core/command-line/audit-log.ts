import type { AuditEntry } from '../../shared/ipc-contract';

export const DEFAULT_AUDIT_CAPACITY = 500;

/**
 * What the command line asked for, newest last, for the app's audit view. A bounded ring kept in memory:
 * time, account label, command and outcome. Callers never pass a token and nothing here could hold one
 * beyond those four short fields.
 */
export class AuditLog {
  /** A circular buffer: `next` is where the next entry goes; once full, it is also the oldest. */
  private readonly ring: AuditEntry[] = [];
  private next = 0;
  private readonly listeners = new Set<(entry: AuditEntry) => void>();

  constructor(private readonly capacity: number = DEFAULT_AUDIT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`Audit capacity must be a positive integer, got ${String(capacity)}.`);
  }

  record(entry: AuditEntry): void {
    const copy = { ...entry };
    if (this.ring.length < this.capacity) this.ring.push(copy);
    else this.ring[this.next] = copy;
    this.next = (this.next + 1) % this.capacity;
    for (const listener of this.listeners) {
      try {
        listener({ ...copy });
      } catch {
        // A failing listener (e.g. a closed window) must not stop the CLI from being answered.
      }
    }
  }

  /** Oldest first; copies, so callers cannot alter the log. */
  entries(): AuditEntry[] {
    const oldestFirst = this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return oldestFirst.map((entry) => ({ ...entry }));
  }

  onChange(listener: (entry: AuditEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
