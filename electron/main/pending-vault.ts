import type { SessionVault } from '../core/app/app-session';
import { AppError } from '../core/common/app-error';
import type { Authenticator } from '../core/common/authenticator';
import type { AccountStorage } from '../core/tokens/account-storage';
import type { VaultState } from '../shared/ipc-contract';

/**
 * The vault the session, the window and the tray see while the real one is still opening (the system keychain
 * can take seconds, or wait for the user to unlock a keyring): 'locked' with a reason that says so, every
 * operation refused with 'vault-locked'. Once attached, everything goes to the real vault and listeners hear
 * its state, so the window and tray exist before the keychain answers.
 */

export const OPENING_REASON = 'The app is opening your vault with the system keychain. If your keyring asks to be unlocked, unlock it; this screen changes by itself.';

const OPENING_STATE: VaultState = { state: 'locked', protection: 'none-yet', reason: OPENING_REASON, keptAsidePath: null };

export class PendingVault implements SessionVault {
  #real: SessionVault | null = null;
  readonly #listeners = new Set<(state: VaultState) => void>();
  readonly storage: AccountStorage;

  constructor() {
    const vault = (): SessionVault => this.#opened();
    this.storage = {
      loadRecords: () => this.#rejecting(() => vault().storage.loadRecords()),
      readSecrets: (id) => this.#rejecting(() => vault().storage.readSecrets(id)),
      save: (record, secrets) => this.#rejecting(() => vault().storage.save(record, secrets)),
      remove: (id) => this.#rejecting(() => vault().storage.remove(id)),
      flush: () => (this.#real === null ? Promise.resolve() : this.#real.storage.flush()),
    };
  }

  /** Whether the real vault is there yet. */
  get attached(): boolean {
    return this.#real !== null;
  }

  /** Hands over to the real vault; listeners hear its state at once. */
  attach(real: SessionVault): void {
    if (this.#real !== null) throw new Error('The vault is already attached.');
    this.#real = real;
    real.onStateChange((state) => this.#emit(state));
    this.#emit(real.state());
  }

  state(): VaultState {
    return this.#real?.state() ?? OPENING_STATE;
  }

  onStateChange(listener: (state: VaultState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  unlock(passphrase: string): Promise<VaultState> {
    return this.#rejecting(() => this.#opened().unlock(passphrase));
  }

  createWithPassphrase(passphrase: string): Promise<VaultState> {
    return this.#rejecting(() => this.#opened().createWithPassphrase(passphrase));
  }

  changePassphrase(current: string, next: string): Promise<VaultState> {
    return this.#rejecting(() => this.#opened().changePassphrase(current, next));
  }

  addPassphrase(passphrase: string): Promise<VaultState> {
    return this.#rejecting(() => {
      const real = this.#opened();
      if (real.addPassphrase === undefined) throw new AppError('internal', 'This vault cannot have a passphrase.');
      return real.addPassphrase(passphrase);
    });
  }

  startOver(): Promise<VaultState> {
    return this.#rejecting(() => this.#opened().startOver());
  }

  verifyPassphrase(passphrase: string): Promise<void> {
    return this.#rejecting(() => this.#opened().verifyPassphrase(passphrase));
  }

  canLock(): boolean {
    return this.#real?.canLock?.() ?? false;
  }

  lock(): void {
    const real = this.#opened();
    if (real.lock === undefined) throw new AppError('internal', 'This vault cannot be locked.');
    real.lock();
  }

  authenticator(purpose: string): Authenticator | null {
    return this.#real?.authenticator?.(purpose) ?? null;
  }

  flush(): Promise<void> {
    return this.#real === null ? Promise.resolve() : this.#real.flush();
  }

  #opened(): SessionVault {
    if (this.#real === null) throw new AppError('vault-locked', OPENING_REASON);
    return this.#real;
  }

  async #rejecting<T>(run: () => Promise<T>): Promise<T> {
    return await run();
  }

  #emit(state: VaultState): void {
    for (const listener of this.#listeners) listener(state);
  }
}
