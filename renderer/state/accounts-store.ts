import type { AccountStatus, AccountSummary } from '../../electron/shared/account-summary';
import type { AccountsChangedEvent } from '../../electron/shared/ipc-contract';

/** A status change worth telling the user about (announced through aria-live). */
export interface StatusTransition {
  account: AccountSummary;
  from: AccountStatus;
}

/**
 * The accounts as the renderer knows them. An account whose summary did not change keeps the same object,
 * so memoized rows skip re-rendering; the snapshot array is replaced only when something changed.
 */
export class AccountsStore {
  private readonly byId = new Map<string, AccountSummary>();
  private snapshot: readonly AccountSummary[] = [];
  private loaded = false;
  private readonly listeners = new Set<() => void>();
  private readonly transitionListeners = new Set<(transitions: StatusTransition[]) => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): readonly AccountSummary[] => this.snapshot;

  isLoaded(): boolean {
    return this.loaded;
  }

  onStatusTransitions(listener: (transitions: StatusTransition[]) => void): () => void {
    this.transitionListeners.add(listener);
    return () => this.transitionListeners.delete(listener);
  }

  replaceAll(accounts: readonly AccountSummary[]): void {
    const seen = new Set<string>();
    let changed = !this.loaded || accounts.length !== this.byId.size;
    for (const account of accounts) {
      seen.add(account.id);
      if (this.put(account)) changed = true;
    }
    for (const id of [...this.byId.keys()]) {
      if (!seen.has(id)) {
        this.byId.delete(id);
        changed = true;
      }
    }
    this.loaded = true;
    if (changed) this.publish([]);
  }

  apply(event: AccountsChangedEvent): void {
    let changed = false;
    const transitions: StatusTransition[] = [];
    for (const account of event.changed) {
      const previous = this.byId.get(account.id);
      if (this.put(account)) {
        changed = true;
        if (previous !== undefined && previous.status !== account.status) transitions.push({ account, from: previous.status });
      }
    }
    for (const id of event.removed) {
      if (this.byId.delete(id)) changed = true;
    }
    if (changed) this.publish(transitions);
  }

  /** Stores the summary; returns false when an equal one was already there (the old object is kept). */
  private put(account: AccountSummary): boolean {
    const previous = this.byId.get(account.id);
    if (previous !== undefined && sameSummary(previous, account)) return false;
    this.byId.set(account.id, account);
    return true;
  }

  private publish(transitions: StatusTransition[]): void {
    this.snapshot = [...this.byId.values()];
    for (const listener of this.listeners) listener();
    if (transitions.length > 0) for (const listener of this.transitionListeners) listener(transitions);
  }
}

export function sameSummary(a: AccountSummary, b: AccountSummary): boolean {
  return (
    a.id === b.id &&
    a.label === b.label &&
    a.email === b.email &&
    a.host === b.host &&
    a.hostKind === b.hostKind &&
    a.status === b.status &&
    a.autoRefresh === b.autoRefresh &&
    a.accessExpiresAt === b.accessExpiresAt &&
    a.accessIssuedAt === b.accessIssuedAt &&
    a.lastRefreshAt === b.lastRefreshAt &&
    a.nextRefreshAt === b.nextRefreshAt &&
    a.failingSince === b.failingSince &&
    a.lastUsedAt === b.lastUsedAt &&
    a.createdAt === b.createdAt &&
    a.lastError?.code === b.lastError?.code &&
    a.lastError?.message === b.lastError?.message &&
    a.lastError?.field === b.lastError?.field
  );
}
