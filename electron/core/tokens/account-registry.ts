import { AppError } from '../common/app-error';
import { grantKeyOf } from './account-state';
import type { AccountState } from './account-state';

/**
 * Every account the lifecycle holds, by id, and the two uniqueness rules: one label per account (any case), and one
 * account per grant (e-mail in any case at one host: two refreshers on one grant would revoke each other). Adds
 * still talking to Winbooks reserve their label and grant, so two at once cannot take the same.
 */
export class AccountRegistry {
  private readonly accounts = new Map<string, AccountState>();
  private readonly pendingLabels = new Set<string>();
  private readonly pendingGrants = new Set<string>();

  get size(): number {
    return this.accounts.size;
  }

  all(): IterableIterator<AccountState> {
    return this.accounts.values();
  }

  find(id: string): AccountState | undefined {
    return this.accounts.get(id);
  }

  get(id: string): AccountState {
    const state = this.accounts.get(id);
    if (!state) throw new AppError('unknown-account', `No account with id ${id}: it may have been removed. Reload the list.`);
    return state;
  }

  put(state: AccountState): void {
    this.accounts.set(state.record.id, state);
  }

  delete(id: string): void {
    this.accounts.delete(id);
  }

  ids(): string[] {
    return [...this.accounts.keys()];
  }

  assertLabelFree(label: string, exceptId: string | null): void {
    const wanted = labelKeyOf(label);
    const taken = this.pendingLabels.has(wanted) || this.some(exceptId, (state) => labelKeyOf(state.record.label) === wanted);
    if (taken) throw new AppError('duplicate-label', `Label: "${label}" is already used by another account; choose another name.`, 'label');
  }

  assertGrantFree(email: string, host: string, exceptId: string | null): void {
    const wanted = grantKeyOf(email, host);
    let owner: AccountState | undefined;
    for (const state of this.accounts.values()) {
      if (state.record.id !== exceptId && grantKeyOf(state.record.email, state.record.host) === wanted) owner = state;
    }
    if (owner !== undefined || this.pendingGrants.has(wanted)) {
      const label = owner?.record.label ?? '';
      throw new AppError(
        'duplicate-account',
        `E-mail: ${email} at ${host} is already the account "${label || 'being added'}"; two accounts on one grant would revoke each other's tokens.`,
        'email',
        { label },
      );
    }
  }

  /** Runs an add that is still talking to Winbooks with its label and grant reserved. */
  async reserving<T>(label: string, email: string, host: string, work: () => Promise<T>): Promise<T> {
    this.assertLabelFree(label, null);
    this.assertGrantFree(email, host, null);
    const labelKey = labelKeyOf(label);
    const grantKey = grantKeyOf(email, host);
    this.pendingLabels.add(labelKey);
    this.pendingGrants.add(grantKey);
    try {
      return await work();
    } finally {
      this.pendingLabels.delete(labelKey);
      this.pendingGrants.delete(grantKey);
    }
  }

  private some(exceptId: string | null, test: (state: AccountState) => boolean): boolean {
    for (const state of this.accounts.values()) if (state.record.id !== exceptId && test(state)) return true;
    return false;
  }
}

function labelKeyOf(label: string): string {
  return label.trim().toLocaleLowerCase();
}
