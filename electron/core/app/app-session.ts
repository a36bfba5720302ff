import type { VaultState } from '../../shared/ipc-contract';
import { AppError } from '../common/app-error';
import type { Authenticator, VaultBoundFile } from '../common/authenticator';
import type { AccountStorage } from '../tokens/account-storage';
import type { VaultPort } from './app-api';
import type { BackupSessionPort } from './backup-service';
import type { AccountsChange, AttentionEvent, LifecycleSettings, TokenLifecycleApi } from '../tokens/lifecycle-api';
import type { Logger } from '../common/logger';
import { silentLogger } from '../common/logger';
import { PassphraseAttempts } from './passphrase-attempts';
import type { SettingsStore } from './settings-store';
import { hasPassphrase } from '../../shared/vault-protection';

/** The part of the vault (electron/core/vault VaultHandle) the session drives. */
export interface SessionVault {
  state(): VaultState;
  onStateChange(listener: (state: VaultState) => void): () => void;
  unlock(passphrase: string): Promise<VaultState>;
  createWithPassphrase(passphrase: string): Promise<VaultState>;
  changePassphrase(current: string, next: string): Promise<VaultState>;
  /** Adds a passphrase on top of the system keychain (the vault can then be locked). Absent: not offered. */
  addPassphrase?(passphrase: string): Promise<VaultState>;
  startOver(): Promise<VaultState>;
  readonly storage: AccountStorage;
  /** For an open vault with a passphrase: rejects with 'invalid-input' (field 'passphrase') when it is not that one. */
  verifyPassphrase(passphrase: string): Promise<void>;
  /** Whether lock() can close the vault again (it has a passphrase to reopen it). Absent: never. */
  canLock?(): boolean;
  /** Drops the data key and every decrypted token; the state becomes 'locked'. */
  lock?(): void;
  flush(): Promise<void>;
  /** While open: signs and checks files kept outside the vault with a key derived from its data key. */
  authenticator?(purpose: string): Authenticator | null;
}

/** What the session passes to each lifecycle it starts, from the settings. */
export interface SessionLifecycleSettings extends LifecycleSettings {
  /** Hosts other than the Winbooks bases and a loopback sandbox are accepted (Settings, confirmed by main). */
  allowOtherHosts: boolean;
}

export interface StartableLifecycle extends TokenLifecycleApi {
  configure(settings: Partial<SessionLifecycleSettings>): void;
  start(): Promise<void>;
  stop(): void;
  /** Stops for good: no token request is sent from this lifecycle again. */
  retire(): void;
  /** Retires and waits for the token requests under way to be saved. */
  drain(): Promise<void>;
}

export interface AppSessionDeps {
  vault: SessionVault;
  createLifecycle: (storage: AccountStorage) => StartableLifecycle;
  settings: SettingsStore;
  logger?: Logger;
  /** How passphrase checks are paced (tests pass one with a recorded wait). */
  passphraseAttempts?: PassphraseAttempts;
}

/**
 * Runs the lifecycle exactly while the vault is open: started after unlock or creation, rebuilt after a
 * backup import (the vault's records changed under it), stopped when the vault closes. Listeners subscribe
 * here once and keep receiving events across lifecycle restarts.
 */
export class AppSession implements VaultPort, BackupSessionPort {
  private running: StartableLifecycle | null = null;
  private unsubscribeRunning: (() => void)[] = [];
  private knownIds = new Set<string>();
  private transition: Promise<void> = Promise.resolve();
  private readonly changeListeners = new Set<(change: AccountsChange) => void>();
  private readonly attentionListeners = new Set<(event: AttentionEvent) => void>();
  private readonly logger: Logger;
  private readonly unsubscribeVault: () => void;

  private readonly attempts: PassphraseAttempts;
  private readonly boundFiles: VaultBoundFile[] = [];
  constructor(private readonly deps: AppSessionDeps) {
    this.logger = deps.logger ?? silentLogger;
    this.attempts = deps.passphraseAttempts ?? new PassphraseAttempts();
    this.unsubscribeVault = deps.vault.onStateChange(() => {
      void this.syncLifecycle();
    });
  }

  /**
   * A file outside the vault authenticated with a key from it: verified each time the vault opens (in the order
   * bound, before the lifecycle starts) and signed again after a passphrase change. Bind before start().
   */
  bindFile(file: VaultBoundFile): void {
    this.boundFiles.push(file);
  }

  lifecycle(): TokenLifecycleApi | null {
    return this.running;
  }

  /** Starts the lifecycle when the vault is already open (OS keychain); otherwise waits for unlock. */
  start(): Promise<void> {
    return this.syncLifecycle();
  }

  onAccountsChanged(listener: (change: AccountsChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onAttention(listener: (event: AttentionEvent) => void): () => void {
    this.attentionListeners.add(listener);
    return () => this.attentionListeners.delete(listener);
  }

  onVaultStateChanged(listener: (state: VaultState) => void): () => void {
    return this.deps.vault.onStateChange(listener);
  }

  getState(): Promise<VaultState> {
    return Promise.resolve(this.deps.vault.state());
  }

  async unlock(passphrase: string): Promise<VaultState> {
    await this.attempts.check(() => this.deps.vault.unlock(passphrase));
    await this.syncLifecycle();
    return this.deps.vault.state();
  }

  async createPassphrase(passphrase: string): Promise<VaultState> {
    await this.deps.vault.createWithPassphrase(passphrase);
    await this.syncLifecycle();
    return this.deps.vault.state();
  }

  async changePassphrase(current: string, next: string): Promise<VaultState> {
    // "Changing" to the same passphrase would only tell a caller whether its guess was right.
    if (current === next) throw new AppError('invalid-input', 'New passphrase: choose one different from the current passphrase.', 'next');
    const state = await this.attempts.check(() => this.deps.vault.changePassphrase(current, next));
    // A re-key changes the data key, so the keys derived from it for the files outside the vault change too.
    await this.queue(() => this.forEachBoundFile('resign', (file) => file.resign()));
    return state;
  }

  addPassphrase(passphrase: string): Promise<VaultState> {
    const vault = this.deps.vault;
    if (vault.addPassphrase === undefined) return Promise.reject(new AppError('invalid-input', 'This vault cannot have a passphrase.', 'passphrase'));
    // The same data key stays: the running lifecycle and the files signed with keys derived from it are unaffected.
    return vault.addPassphrase(passphrase);
  }

  async startOver(): Promise<VaultState> {
    await this.deps.vault.startOver();
    await this.syncLifecycle();
    return this.deps.vault.state();
  }

  /** Whether Lock can close the vault now (open, with a passphrase to reopen it). */
  canLock(): boolean {
    return this.deps.vault.state().state === 'open' && (this.deps.vault.canLock?.() ?? false);
  }

  /**
   * Locks: refreshes under way finish and are saved (drain), the lifecycle stops, then the vault drops its key
   * and every decrypted token. Unlock starts a new lifecycle, which resyncs from the stored expiry times.
   */
  async lock(): Promise<VaultState> {
    await this.queue(async () => {
      const vault = this.deps.vault;
      if (vault.state().state !== 'open') return;
      if (vault.lock === undefined || !(vault.canLock?.() ?? false)) {
        throw new AppError('invalid-input', 'The vault has no passphrase, so it cannot be locked: add a passphrase in Settings first.');
      }
      await this.drainRunning();
      this.emitChange({ changed: [], removed: [...this.knownIds] });
      vault.lock();
    });
    return this.deps.vault.state();
  }

  hasPassphrase(): boolean {
    return this.deps.vault.canLock?.() ?? hasPassphrase(this.deps.vault.state().protection);
  }

  verifyPassphrase(passphrase: string): Promise<void> {
    return this.attempts.check(() => this.deps.vault.verifyPassphrase(passphrase));
  }

  openStorage(): AccountStorage {
    if (this.deps.vault.state().state !== 'open' || this.running === null) {
      throw new AppError('vault-locked', 'The vault is locked: unlock it with your passphrase to use your accounts.');
    }
    return this.deps.vault.storage;
  }

  /** The lifecycle's settings changed (Settings): applied to the running lifecycle and to the next ones. */
  configureLifecycle(settings: Partial<SessionLifecycleSettings>): void {
    this.running?.configure(settings);
  }

  /**
   * Runs a step that changes the records underneath the lifecycle (a backup import): the running lifecycle is
   * drained first, since a refresh still under way would race the new tokens and the next lifecycle could send a
   * refresh token the old one had just used (reuse detection); a new lifecycle starts after, whatever happened.
   */
  async withLifecyclePaused<T>(step: (storage: AccountStorage) => Promise<T>): Promise<T> {
    const result: { value?: T } = {};
    await this.queue(async () => {
      if (this.deps.vault.state().state !== 'open') throw new AppError('vault-locked', 'The vault was locked meanwhile: nothing was changed.');
      await this.drainRunning();
      try {
        result.value = await step(this.deps.vault.storage);
      } finally {
        await this.startIfOpen();
      }
    });
    if (!('value' in result)) throw new Error('The paused step did not run.');
    return result.value as T;
  }

  /** Before quit: timers stopped, requests under way finished and saved, every accepted change durable. */
  async shutdown(): Promise<void> {
    this.unsubscribeVault();
    await this.queue(() => this.drainRunning());
    await this.deps.vault.flush();
  }

  private syncLifecycle(): Promise<void> {
    return this.queue(async () => {
      const open = this.deps.vault.state().state === 'open';
      if (open && this.running === null) {
        await this.forEachBoundFile('verify', (file) => file.verify());
        await this.startIfOpen();
      }
      if (!open && this.running !== null) {
        this.stopRunning();
        this.emitChange({ changed: [], removed: [...this.knownIds] });
        this.knownIds = new Set();
      }
    });
  }

  /** One file failing (a full disk) does not keep the others from being checked or the accounts from opening. */
  private async forEachBoundFile(step: string, run: (file: VaultBoundFile) => Promise<void>): Promise<void> {
    for (const file of this.boundFiles) {
      try {
        await run(file);
      } catch (error) {
        this.logger.warn('session.vault-bound-file-failed', { step, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  /** Lifecycle transitions run one after the other, whoever asks for them. */
  private queue(step: () => Promise<void>): Promise<void> {
    const next = this.transition.then(step);
    this.transition = next.catch((error: unknown) => {
      this.logger.error('session.transition-failed', { message: error instanceof Error ? error.message : String(error) });
    });
    return next;
  }

  private async startIfOpen(): Promise<void> {
    if (this.deps.vault.state().state !== 'open') return;
    const lifecycle = this.deps.createLifecycle(this.deps.vault.storage);
    const { refreshLeadSeconds, allowOtherHosts } = this.deps.settings.get();
    lifecycle.configure({ refreshLeadSeconds, allowOtherHosts });
    await lifecycle.start();
    this.running = lifecycle;
    this.unsubscribeRunning = [
      lifecycle.onChange((change) => this.emitChange(change)),
      lifecycle.onAttention((event) => {
        for (const listener of this.attentionListeners) listener(event);
      }),
    ];
    const accounts = lifecycle.list();
    const ids = new Set(accounts.map((account) => account.id));
    this.emitChange({ changed: accounts, removed: [...this.knownIds].filter((id) => !ids.has(id)) });
    this.logger.info('session.lifecycle-started', { accounts: accounts.length });
  }

  private async drainRunning(): Promise<void> {
    const running = this.running;
    this.stopRunning();
    await running?.drain();
  }

  private stopRunning(): void {
    for (const unsubscribe of this.unsubscribeRunning) unsubscribe();
    this.unsubscribeRunning = [];
    this.running?.retire();
    this.running = null;
  }

  private emitChange(change: AccountsChange): void {
    for (const account of change.changed) this.knownIds.add(account.id);
    for (const id of change.removed) this.knownIds.delete(id);
    for (const listener of this.changeListeners) listener(change);
  }
}
