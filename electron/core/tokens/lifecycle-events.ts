import type { AccountSummary } from '../../shared/account-summary';
import type { Logger } from '../common/logger';
import { ChangeBatcher } from './change-batcher';
import type { AccountsChange, AttentionEvent } from './lifecycle-api';

/** The lifecycle's two event streams: account changes (batched per turn of the event loop) and attention. */
export class LifecycleEvents {
  private readonly changeListeners = new Set<(change: AccountsChange) => void>();
  private readonly attentionListeners = new Set<(event: AttentionEvent) => void>();
  private readonly batcher: ChangeBatcher;

  constructor(
    /** The current summary of an account, or null once it is gone. */
    private readonly summaryOf: (id: string) => AccountSummary | null,
    private readonly logger: Logger,
  ) {
    this.batcher = new ChangeBatcher((changed, removed) => this.emitChange(changed, removed));
  }

  changed(id: string): void {
    // Nobody listening: nothing to batch (a thousand refreshes need not build a thousand summaries).
    if (this.changeListeners.size > 0) this.batcher.markChanged(id);
  }

  removed(id: string): void {
    if (this.changeListeners.size > 0) this.batcher.markRemoved(id);
  }

  attention(event: AttentionEvent): void {
    this.changed(event.account.id);
    for (const listener of this.attentionListeners) this.call('attention', () => listener(event));
  }

  onChange(listener: (change: AccountsChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onAttention(listener: (event: AttentionEvent) => void): () => void {
    this.attentionListeners.add(listener);
    return () => this.attentionListeners.delete(listener);
  }

  private emitChange(changedIds: string[], removed: string[]): void {
    if (this.changeListeners.size === 0) return;
    const changed = changedIds.flatMap((id) => {
      const summary = this.summaryOf(id);
      return summary === null ? [] : [summary];
    });
    if (changed.length === 0 && removed.length === 0) return;
    for (const listener of this.changeListeners) this.call('change', () => listener({ changed, removed }));
  }

  /** A listener that throws (a window that is gone, say) must not break the lifecycle or crash main. */
  private call(kind: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.logger.error('listener-failed', { kind, reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
