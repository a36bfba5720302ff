/**
 * The encrypted vault: where every account's exchange, refresh and access token lives, encrypted at rest.
 *
 * Main wires it like this (electron-store is a `conf`, so the vault file is found the same way):
 *
 *   const store = new ElectronStore({ name: VAULT_FILE_NAME, ...VAULT_STORE_OPTIONS });
 *   const vault = await openVault({ store, osEncryption: safeStorageAdapter, logger });
 *   vault.state();                  // { state: 'open' | 'locked' | 'setup' | 'damaged', protection, reason, keptAsidePath }
 *   await vault.unlock(passphrase); // when 'locked'
 *   const lifecycle = new TokenLifecycle({ client, storage: vault.storage, ... }); // once 'open'
 *
 * State rules:
 * - No file and a usable OS keychain: a new vault is created at once, protected by the keychain ('open').
 * - No file and no usable keychain (missing, or Linux 'basic_text'): 'setup'; `reason` says why a passphrase is
 *   needed; call createWithPassphrase. A version-0 (unencrypted) file is also 'setup' and gets encrypted then.
 * - A passphrase-protected file: 'locked' until unlock(passphrase). A wrong passphrase rejects with an AppError
 *   (code 'invalid-input', field 'passphrase') and the state stays 'locked'.
 * - Protection 'os-keychain-and-passphrase' (the key wrapped twice): opened by the keychain at start without a
 *   prompt ('locked' for the passphrase when the keychain is unavailable or refuses).
 * - Lock: whenever the vault has a passphrase, lock() drops the data key and goes 'locked'; unlock(passphrase)
 *   opens it again. While locked, `storage` rejects every read and save with 'vault-locked'.
 * - New passphrases pass the shared rule (electron/shared/passphrase.ts), strength included, or reject with
 *   PassphraseRefusedError (an AppError 'invalid-input' carrying the broken rule as `problem`).
 * - scrypt costs below `scryptParams` are raised on the next successful passphrase unlock; a file asking for
 *   absurd costs (SCRYPT_LIMITS) is 'damaged', never derived from.
 * - A file that cannot be read or decrypted, or whose header fails authentication: 'damaged'. It is made 0600 and
 *   copied aside (keptAsidePath; the 3 newest copies are kept) and never overwritten; startOver() (the user's
 *   consent) begins a new, empty vault.
 * - The file (format 2, see vault-format.md) is a journal: every save appends one authenticated line per changed
 *   account and fsyncs; compaction rewrites it whole now and then, and so does a re-key or a new wrap of the key
 *   (one atomic rewrite). Version-1 files migrate on first open.
 * - Everything read back is authenticated before it is trusted. An account whose entry was changed on disk is
 *   listed but flagged: readSecrets rejects with SecretsUnreadableError, so the lifecycle marks it
 *   'secrets-unreadable' and never sends its tokens anywhere; the other accounts keep working.
 * openVault never rejects because of the file's content: every outcome is a state. Every method that can fail
 * rejects with an AppError; `storage` rejects with code 'vault-locked' unless 'open', and readSecrets with
 * SecretsUnreadableError for an account whose ciphertext fails authentication (the others keep working).
 * Only one process may open a vault file at a time (Electron's single-instance lock guarantees it in the app).
 */
import type { AccountStorage } from '../tokens/account-storage';
import type { Authenticator } from '../common/authenticator';
import type { Logger } from '../common/logger';
import type { VaultState } from '../../shared/ipc-contract';
import type { KeychainAssessment, OsEncryption } from './os-encryption';
import type { ScryptParams } from './scrypt';
import type { ConfLike, VaultStore } from './vault-store';
import { Vault } from './vault';

export type { VaultState } from '../../shared/ipc-contract';
export { assessKeychain } from './os-encryption';
export type { KeychainAssessment, OsEncryption } from './os-encryption';
export { DEFAULT_SCRYPT_PARAMS, SCRYPT_LIMITS } from './scrypt';
export { PassphraseRefusedError } from './new-passphrase';
export type { ScryptParams } from './scrypt';
export { VAULT_FILE_NAME, VAULT_STORE_OPTIONS, fileVaultStore, vaultStoreOf } from './vault-store';
export type { ConfLike, VaultStore } from './vault-store';

export interface OpenVaultOptions {
  /** A conf / electron-store instance (its path is used) or a VaultStore; a directory makes a conf store in it. */
  store: ConfLike | VaultStore | { directory: string };
  /** Electron safeStorage, adapted by main. Left out: passphrase protection only. */
  osEncryption?: OsEncryption;
  logger?: Logger;
  /**
   * Cost of new passphrase wraps, and the level older wraps are raised to on unlock. Default
   * DEFAULT_SCRYPT_PARAMS (scrypt N=2^17, r=8, p=1); tests pass cheaper ones.
   */
  scryptParams?: ScryptParams;
  /**
   * Least time between the starts of two writes (ms). A save with no write started that long ago is written at
   * once; one made sooner waits for the rest of the interval, and saves made meanwhile join that write. Default
   * DEFAULT_MIN_WRITE_INTERVAL_MS.
   */
  minWriteIntervalMs?: number;
  /** Wall clock for file timestamps (kept-aside names). Default Date.now. */
  now?: () => number;
}

export interface VaultHandle {
  state(): VaultState;
  /** Called after every state change (unlock, create, damaged...); returns an unsubscribe function. */
  onStateChange(listener: (state: VaultState) => void): () => void;
  /** The keychain decision: whether a passphrase is needed, and why in plain words. */
  readonly keychain: KeychainAssessment;
  /**
   * From 'locked' (protection 'passphrase' or 'os-keychain-and-passphrase'): opens with the passphrase; resolves
   * at once when already open. Wrong passphrase: AppError 'invalid-input' (field 'passphrase'), still locked.
   * Once open, a stored scrypt cost below the target is raised to it (one more derivation and a write, once).
   */
  unlock(passphrase: string): Promise<VaultState>;
  /** Whether lock() is possible now: the vault is open and a passphrase protects its key. */
  canLock(): boolean;
  /**
   * Synchronous: zero-fills the data key, forgets the open contents and goes 'locked'. Reads and saves reject
   * with 'vault-locked' from this instant; writes accepted before it still reach the disk (composed, sealed, at
   * the lock; written without the key). A passphrase change or re-wrap under way is abandoned (rejects). A no-op when locked;
   * AppError when there is no passphrase to unlock with (check canLock()). Drain the lifecycle first: a refresh
   * finishing after the lock could not save its rotated refresh token.
   */
  lock(): void;
  /** In 'open' with 'os-keychain': wraps the same key with this passphrase too ('os-keychain-and-passphrase'). */
  addPassphrase(passphrase: string): Promise<VaultState>;
  /**
   * In 'setup': creates the vault (migrating a version-0 file) protected by this passphrase.
   * In 'open' with OS-keychain protection: switches to passphrase protection (re-wraps the key only).
   */
  createWithPassphrase(passphrase: string): Promise<VaultState>;
  /**
   * In 'setup' (or 'open' with a passphrase only): protects the key with the OS keychain; rejects when it is weak.
   * In 'open' with the keychain already: wraps the key again with the keychain's current key (key rotation).
   */
  createWithOsKeychain(): Promise<VaultState>;
  /**
   * Re-keys: a new data key, every secret sealed again under it, wrapped by the new passphrase (and by the
   * keychain too in 'os-keychain-and-passphrase'). Wrong current or refused next: AppError, nothing changed.
   */
  changePassphrase(current: string, next: string): Promise<VaultState>;
  /** In 'open' with a passphrase: rejects with an AppError (field 'passphrase') unless it is that passphrase. */
  verifyPassphrase(passphrase: string): Promise<void>;
  /** After 'damaged' (the file already kept aside): the user's consent to begin a new, empty vault. */
  startOver(): Promise<VaultState>;
  /** The AccountStorage port for the lifecycle; rejects with 'vault-locked' unless the vault is open. */
  readonly storage: AccountStorage;
  /**
   * While 'open': signs and checks a file kept outside the vault (preferences, gateway keys) with a key derived
   * from the data key for this purpose; null otherwise. A re-key (changePassphrase) changes it: sign again.
   */
  authenticator(purpose: string): Authenticator | null;
  /** Resolves when every accepted change is durable. */
  flush(): Promise<void>;
  /** Flushes, then forgets the key; the handle is unusable afterwards. */
  close(): Promise<void>;
  /** Number of durable file writes done so far: appends and whole-file rewrites (tests and benchmarks). */
  readonly writeCount: number;
  /** Bytes handed to those writes (tests and benchmarks). */
  readonly bytesWritten: number;
  /** Where the vault file is. */
  readonly path: string;
}

export async function openVault(options: OpenVaultOptions): Promise<VaultHandle> {
  return Vault.open(options);
}
