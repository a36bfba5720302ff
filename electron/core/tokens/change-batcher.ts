/** Collects ids that changed during one turn of the event loop and reports them together. */
export class ChangeBatcher {
  private changed = new Set<string>();
  private removed = new Set<string>();
  private pending = false;

  constructor(private readonly flushTo: (changed: string[], removed: string[]) => void) {}

  markChanged(id: string): void {
    this.changed.add(id);
    this.schedule();
  }

  markRemoved(id: string): void {
    this.changed.delete(id);
    this.removed.add(id);
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      const changed = [...this.changed];
      const removed = [...this.removed];
      this.changed = new Set();
      this.removed = new Set();
      this.flushTo(changed, removed);
    });
  }
}
