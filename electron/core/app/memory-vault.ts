import type { VaultState } from '../../shared/ipc-contract';
import type { SessionVault } from './app-session';
import { AppError } from '../common/app-error';
import { InMemoryAccountStorage } from '../tokens/in-memory-storage';
import type { KeychainAssessment } from '../vault/os-encryption';

/**
 * A vault that is always open and keeps everything in memory: for the demo mode and tests. Nothing is
 * written to disk, so passphrases and backups do not apply.
 */
export class MemoryVault implements SessionVault {
  readonly storage = new InMemoryAccountStorage();
  private static readonly REASON = 'Demo mode: accounts live in memory only and vanish when the app quits.';
  readonly keychain: KeychainAssessment = { usable: false, backend: null, reason: MemoryVault.REASON };
  private readonly current: VaultState = { state: 'open', protection: 'none-yet', reason: MemoryVault.REASON, keptAsidePath: null };

  state(): VaultState {
    return { ...this.current };
  }

  onStateChange(): () => void {
    return () => undefined;
  }

  unlock(): Promise<VaultState> {
    return Promise.resolve(this.state());
  }

  createWithPassphrase(): Promise<VaultState> {
    return Promise.reject(this.notHere('Passphrases'));
  }

  changePassphrase(): Promise<VaultState> {
    return Promise.reject(this.notHere('Passphrases'));
  }

  startOver(): Promise<VaultState> {
    return Promise.resolve(this.state());
  }

  verifyPassphrase(): Promise<never> {
    return Promise.reject(this.notHere('Passphrases'));
  }

  flush(): Promise<void> {
    return this.storage.flush();
  }

  private notHere(what: string): AppError {
    return new AppError('invalid-input', `${what} are not available in the demo: its accounts live in memory only.`);
  }
}
