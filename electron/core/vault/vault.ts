import type { VaultState } from '../../shared/ipc-contract';
import type { AccountStorage } from '../tokens/account-storage';
import type { AccountSlot } from './account-slot';
import { AppError } from '../common/app-error';
import type { Logger } from '../common/logger';
import { silentLogger } from '../common/logger';
import type { OpenVaultOptions, VaultHandle } from './index';
import type { KeyProtector, PassphraseWrap, WrappedKey } from './key-protection';
import {
  KeyUnwrapError,
  KeychainAndPassphraseKeyProtector,
  OsKeychainKeyProtector,
  PassphraseKeyProtector,
  passphraseWrapOf,
  withPassphraseWrap,
} from './key-protection';
import type { JournalFile } from './journal-reading';
import { verifyJournal } from './journal-reading';
import type { V0Document } from './migrations';
import { migrateV0, migrateV1 } from './migrations';
import type { KeychainAssessment, OsEncryption } from './os-encryption';
import { assessKeychain } from './os-encryption';
import { checkNewPassphrase } from './new-passphrase';
import type { ScryptParams } from './scrypt';
import { DEFAULT_SCRYPT_PARAMS, isBelowTarget, scryptSettingsProblem } from './scrypt';
import { newDataKey } from './secret-box';
import { VaultAccountStorage } from './vault-account-storage';
import { VaultContents } from './vault-contents';
import type { V1Document } from './vault-document';
import { classifyVaultFile } from './vault-file-reading';
import { DEFAULT_MIN_WRITE_INTERVAL_MS, VaultJournal } from './vault-journal';
import { deriveFileAuthenticationKey, deriveVaultKeys, destroyVaultKeys } from './vault-keys';
import type { Authenticator } from '../common/authenticator';
import { hmacAuthenticator } from '../common/authenticator';
import type { VaultStore } from './vault-store';
import { vaultStoreOf } from './vault-store';

type Phase =
  | { kind: 'setup'; reason: string | null; legacy: V0Document | null }
  /** `file` is null right after lock(): unlock reads it back once the writes accepted before the lock are on it. */
  | { kind: 'locked'; key: WrappedKey; file: StoredVault | null; reason: string }
  | { kind: 'open'; contents: VaultContents }
  | { kind: 'damaged'; reason: string; keptAsidePath: string | null }
  | { kind: 'closed' };

/** A file on disk waiting for its key: the current journal, or a version-1 document migrated once it opens. */
type StoredVault = { kind: 'journal'; key: WrappedKey; journal: JournalFile } | { kind: 'version-1'; key: WrappedKey; document: V1Document };

const KEYCHAIN_NOT_READY_REASON =
  'The system keychain is not ready yet (a keyring still locked after login, for example). Nothing is wrong with the vault: unlock your keyring, then quit and start the app again.';
const LOCKED_REASON = 'The vault is protected by your passphrase: enter it to open your accounts.';
const LOCKED_AGAIN_REASON = 'The vault was locked: enter your passphrase to open your accounts again.';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The vault's state machine: setup / locked / open / damaged, key protection, and persistence. */
export class Vault implements VaultHandle {
  readonly keychain: KeychainAssessment;
  readonly storage: AccountStorage;
  readonly #store: VaultStore;
  readonly #os: OsEncryption | undefined;
  readonly #logger: Logger;
  readonly #scryptParams: ScryptParams;
  readonly #now: () => number;
  readonly #journal: VaultJournal;
  readonly #listeners = new Set<(state: VaultState) => void>();
  #phase: Phase = { kind: 'setup', reason: null, legacy: null };
  /** What the journal writes; set before the first write of a new vault, so it exists before the phase is 'open'. */
  #contents: VaultContents | null = null;
  /** After lock(): the journal writing, without the key, what was accepted before the lock. */
  #released: Promise<void> = Promise.resolve();
  #exclusive: Promise<unknown> = Promise.resolve();

  private constructor(options: OpenVaultOptions) {
    this.#store = vaultStoreOf(options.store);
    this.#os = options.osEncryption;
    this.keychain = assessKeychain(options.osEncryption);
    this.#logger = options.logger ?? silentLogger;
    this.#scryptParams = options.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
    this.#now = options.now ?? Date.now;
    this.#journal = new VaultJournal(this.#store, { minWriteIntervalMs: options.minWriteIntervalMs ?? DEFAULT_MIN_WRITE_INTERVAL_MS, logger: this.#logger });
    this.storage = new VaultAccountStorage({
      openContents: () => this.#openContents(),
      commit: () => this.#commit(),
      flush: () => this.flush(),
    });
  }

  static async open(options: OpenVaultOptions): Promise<Vault> {
    const vault = new Vault(options);
    await vault.#load();
    return vault;
  }

  get path(): string {
    return this.#store.path;
  }

  get writeCount(): number {
    return this.#store.writeCount;
  }

  get bytesWritten(): number {
    return this.#store.bytesWritten;
  }

  state(): VaultState {
    const phase = this.#phase;
    switch (phase.kind) {
      case 'open':
        return { state: 'open', protection: phase.contents.wrappedKey.kind, reason: null, keptAsidePath: null };
      case 'locked':
        return { state: 'locked', protection: phase.key.kind, reason: phase.reason, keptAsidePath: null };
      case 'setup':
        return { state: 'setup', protection: 'none-yet', reason: phase.reason, keptAsidePath: null };
      case 'damaged':
        return { state: 'damaged', protection: 'none-yet', reason: phase.reason, keptAsidePath: phase.keptAsidePath };
      case 'closed':
        return { state: 'locked', protection: 'none-yet', reason: 'The vault is closed.', keptAsidePath: null };
    }
  }

  onStateChange(listener: (state: VaultState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  unlock(passphrase: string): Promise<VaultState> {
    return this.#serialised(async () => {
      const phase = this.#phase;
      if (phase.kind === 'open') return this.state();
      if (phase.kind !== 'locked') throw this.#wrongState('unlock');
      if (passphraseWrapOf(phase.key) === null) {
        throw new AppError('vault-locked', `${phase.reason} A passphrase cannot open it.`);
      }
      const file = phase.file ?? (await this.#readBackAfterLock(phase));
      if (file === null) throw this.#wrongState('unlock');
      const dataKey = await this.#unwrapWithPassphrase(file.key, passphrase);
      const contents = await this.#openWithKey(file, dataKey);
      if (contents !== null) await this.#raiseKdfCost(contents, passphrase);
      return this.state();
    });
  }

  canLock(): boolean {
    const phase = this.#phase;
    return phase.kind === 'open' && passphraseWrapOf(phase.contents.wrappedKey) !== null;
  }

  lock(): void {
    const phase = this.#phase;
    if (phase.kind === 'locked') return;
    if (phase.kind !== 'open') throw this.#wrongState('lock');
    if (!this.canLock()) {
      throw new AppError('invalid-input', 'This vault has no passphrase, so it cannot be locked: add a passphrase on top of the system keychain first.');
    }
    const contents = phase.contents;
    const accounts = contents.size;
    // The journal composes, with the key, what is not yet durable; the key goes now and the write ends without it.
    this.#released = this.#journal.release().catch((error: unknown) => this.#logger.warn('vault.lock-write-failed', { reason: describe(error) }));
    this.#contents = null;
    contents.destroy();
    this.#enter({ kind: 'locked', key: contents.wrappedKey, file: null, reason: LOCKED_AGAIN_REASON });
    this.#logger.info('vault.locked', { accounts });
  }

  createWithPassphrase(passphrase: string): Promise<VaultState> {
    return this.#serialised(async () => {
      const checked = await checkNewPassphrase(passphrase);
      const protector = new PassphraseKeyProtector(checked, this.#scryptParams);
      const phase = this.#phase;
      if (phase.kind === 'setup') return this.#create(protector, phase.legacy);
      if (phase.kind === 'open' && phase.contents.wrappedKey.kind === 'os-keychain') return this.#rewrap(phase.contents, protector);
      if (phase.kind === 'open') {
        throw new AppError('invalid-input', 'The vault already has a passphrase: use "Change passphrase" to choose another one.', 'passphrase');
      }
      throw this.#wrongState('create a passphrase for');
    });
  }

  createWithOsKeychain(): Promise<VaultState> {
    return this.#serialised(async () => {
      const protector = this.#keychainProtector();
      const phase = this.#phase;
      if (phase.kind === 'setup') return this.#create(protector, phase.legacy);
      // Already keychain-protected: wrapped again with the keychain's current key (safeStorage's shouldReEncrypt).
      if (phase.kind === 'open') return this.#rewrap(phase.contents, protector);
      throw this.#wrongState('protect with the system keychain');
    });
  }

  addPassphrase(passphrase: string): Promise<VaultState> {
    return this.#serialised(async () => {
      const checked = await checkNewPassphrase(passphrase);
      const phase = this.#phase;
      if (phase.kind !== 'open') throw this.#wrongState('add a passphrase to');
      if (phase.contents.wrappedKey.kind !== 'os-keychain') {
        throw new AppError('invalid-input', 'The vault already has a passphrase: use "Change passphrase" to choose another one.', 'passphrase');
      }
      return this.#rewrap(phase.contents, new KeychainAndPassphraseKeyProtector(this.#usableOs(), checked, this.#scryptParams));
    });
  }

  changePassphrase(current: string, next: string): Promise<VaultState> {
    return this.#serialised(async () => {
      const phase = this.#phase;
      if (phase.kind !== 'open') throw this.#wrongState('change the passphrase of');
      const contents = phase.contents;
      if (passphraseWrapOf(contents.wrappedKey) === null) {
        throw new AppError('invalid-input', 'The vault is protected by the system keychain, not a passphrase: choose "Use a passphrase" to set one.', 'current');
      }
      const checkedNext = await checkNewPassphrase(next, 'next');
      const proof = await this.#unwrapWithPassphrase(contents.wrappedKey, current, 'current');
      proof.fill(0);
      const protector =
        contents.wrappedKey.kind === 'os-keychain-and-passphrase'
          ? new KeychainAndPassphraseKeyProtector(this.#usableOs(), checkedNext, this.#scryptParams)
          : new PassphraseKeyProtector(checkedNext, this.#scryptParams);
      return this.#rekey(contents, protector);
    });
  }

  /** Checks the passphrase of an open vault (main asks for it again before an export); nothing changes. */
  verifyPassphrase(passphrase: string): Promise<void> {
    return this.#serialised(async () => {
      const wrapped = this.#openContents().wrappedKey;
      if (passphraseWrapOf(wrapped) === null) throw new AppError('invalid-input', 'The vault has no passphrase to check.', 'passphrase');
      (await this.#unwrapWithPassphrase(wrapped, passphrase)).fill(0);
    });
  }

  startOver(): Promise<VaultState> {
    return this.#serialised(async () => {
      const phase = this.#phase;
      if (phase.kind !== 'damaged') throw this.#wrongState('start over with');
      if (phase.keptAsidePath === null && (await this.#store.read().catch(() => null)) !== null) {
        // The damaged file was not copied aside yet: it must be before anything replaces it.
        const keptAsidePath = await this.#keepAside();
        this.#enter({ ...phase, keptAsidePath });
      }
      this.#logger.warn('vault.started-over', {});
      if (this.keychain.usable) return this.#create(this.#keychainProtector(), null);
      this.#enter({ kind: 'setup', reason: this.keychain.reason, legacy: null });
      return this.state();
    });
  }

  authenticator(purpose: string): Authenticator | null {
    if (this.#phase.kind !== 'open') return null;
    const dataKey = this.#phase.contents.copyOfDataKey();
    try {
      return hmacAuthenticator(deriveFileAuthenticationKey(dataKey, purpose));
    } finally {
      dataKey.fill(0);
    }
  }

  flush(): Promise<void> {
    return this.#journal.flush().catch((error: unknown) => {
      throw storageFailed(error);
    });
  }

  close(): Promise<void> {
    return this.#serialised(async () => {
      if (this.#phase.kind === 'closed') return;
      await this.flush();
      await this.#released;
      let failure: { error: unknown } | null = null;
      try {
        await this.#journal.detach();
      } catch (error) {
        failure = { error };
      }
      // The journal let go of the contents either way: nothing can write them any more, so they go now.
      this.#contents?.destroy();
      this.#contents = null;
      this.#enter({ kind: 'closed' });
      if (failure !== null) throw storageFailed(failure.error);
    });
  }

  async #load(): Promise<void> {
    await this.#store.removeInterruptedWrites().catch(() => undefined);
    let bytes: Buffer | null;
    try {
      bytes = await this.#store.read();
    } catch (error) {
      this.#enter({
        kind: 'damaged',
        reason: `The vault file could not be read (${describe(error)}). Check that ${this.#store.path} is readable by you, then restart the app.`,
        keptAsidePath: null,
      });
      return;
    }
    const content = classifyVaultFile(bytes);
    switch (content.kind) {
      case 'missing':
        await this.#startFresh(null);
        return;
      case 'version-0': {
        const count = Object.keys(content.document.accounts).length;
        this.#logger.info('vault.version-0-found', { accounts: count });
        await this.#startFresh(content.document);
        return;
      }
      case 'unreadable':
        await this.#markDamaged(content.reason);
        return;
      case 'journal':
        await this.#openStored({ kind: 'journal', key: content.file.key, journal: content.file });
        return;
      case 'version-1':
        this.#logger.info('vault.version-1-found', { accounts: content.document.accounts.length });
        await this.#openStored({ kind: 'version-1', key: content.document.key, document: content.document });
        return;
    }
  }

  /** No vault yet (or an unencrypted version-0 one): create it with the keychain when that is strong, else ask. */
  async #startFresh(legacy: V0Document | null): Promise<void> {
    const legacyNote =
      legacy === null
        ? ''
        : `An unencrypted vault from an earlier version of the app was found (${Object.keys(legacy.accounts).length} accounts); it will be encrypted once you choose how to protect it. `;
    if (!this.keychain.usable) {
      this.#enter({ kind: 'setup', reason: `${legacyNote}${this.keychain.reason}`, legacy });
      return;
    }
    try {
      await this.#create(this.#keychainProtector(), legacy);
    } catch (error) {
      const failure = AppError.from(error);
      this.#logger.warn('vault.keychain-create-failed', { code: failure.code });
      const why =
        failure.code === 'storage-failed'
          ? failure.message
          : `The system keychain refused to protect the vault key (${describe(error)}), so your tokens are protected by a passphrase you choose.`;
      this.#enter({ kind: 'setup', reason: `${legacyNote}${why}`, legacy });
    }
  }

  async #openStored(file: StoredVault): Promise<void> {
    if (await this.#refusedKdf(file)) return;
    if (file.key.kind === 'passphrase') {
      this.#enter({ kind: 'locked', key: file.key, file, reason: LOCKED_REASON });
      return;
    }
    const passphraseToo = file.key.kind === 'os-keychain-and-passphrase';
    if (this.#os === undefined || !safeIsAvailable(this.#os)) {
      this.#enter({
        kind: 'locked',
        key: file.key,
        file,
        reason: passphraseToo
          ? 'The system keychain is not available right now: enter your passphrase to open your accounts.'
          : 'The vault key is protected by the system keychain, which is not available right now. Start the app in your desktop session with its keyring running.',
      });
      return;
    }
    let dataKey: Buffer;
    try {
      dataKey = await new OsKeychainKeyProtector(this.#os).unwrap(file.key);
    } catch (error) {
      if (!(error instanceof KeyUnwrapError)) throw error;
      if (passphraseToo) {
        this.#enter({ kind: 'locked', key: file.key, file, reason: `The system keychain could not unlock the vault key (${error.message}): enter your passphrase to open your accounts.` });
        return;
      }
      if (error.failure === 'keychain-not-ready') {
        this.#logger.warn('vault.keychain-not-ready', {});
        this.#enter({ kind: 'locked', key: file.key, file, reason: KEYCHAIN_NOT_READY_REASON });
        return;
      }
      await this.#markDamaged(
        `The system keychain could not unlock the vault key: the vault was probably made under another user account or on another computer, or the keyring was reset (${error.message}). ` +
          'If your keyring was only locked, unlock it and restart the app: the vault file is left untouched until you choose to start a new one.',
      );
      return;
    }
    await this.#openWithKey(file, dataKey);
  }

  /** A header asking for absurd KDF costs makes the vault damaged before any derivation (true then). */
  async #refusedKdf(file: StoredVault): Promise<boolean> {
    const part = passphraseWrapOf(file.key);
    const problem = part === null ? null : scryptSettingsProblem(part.kdf);
    if (problem === null) return false;
    await this.#markDamaged(`The vault file is damaged: its header asks for ${problem}.`);
    return true;
  }

  /**
   * After lock(): the file as the journal left it, once the writes accepted before the lock are durable (tried
   * again here if that failed: unlock is refused until they are). Null when it turned out damaged.
   */
  async #readBackAfterLock(phase: Extract<Phase, { kind: 'locked' }>): Promise<StoredVault | null> {
    await this.#released;
    let bytes: Buffer | null;
    try {
      await this.#journal.settle();
      bytes = await this.#store.read();
    } catch (error) {
      throw storageFailed(error);
    }
    const content = classifyVaultFile(bytes);
    if (content.kind !== 'journal') {
      await this.#markDamaged(
        content.kind === 'unreadable' ? content.reason : 'The vault file was removed or replaced while the vault was locked.',
      );
      return null;
    }
    const file: StoredVault = { kind: 'journal', key: content.file.key, journal: content.file };
    if (await this.#refusedKdf(file)) return null;
    this.#phase = { ...phase, key: file.key, file };
    return file;
  }

  /**
   * Authenticates what was read with the recovered key and opens it (null: it turned out damaged). A version-1 file is migrated (every secret
   * sealed again, bound to its account) and rewritten at once; so is a file where some line failed authentication
   * (those accounts stay flagged, in an entry of their own). A header that fails authentication makes it damaged.
   */
  async #openWithKey(file: StoredVault, dataKey: Buffer): Promise<VaultContents | null> {
    let contents: VaultContents;
    if (file.kind === 'journal') {
      const keys = deriveVaultKeys(dataKey);
      const verified = verifyJournal(file.journal, keys);
      destroyVaultKeys(keys);
      if (verified.kind === 'header-broken') {
        dataKey.fill(0);
        await this.#markDamaged('The vault file was changed outside the app: its header failed authentication.');
        return null;
      }
      const { state } = verified;
      contents = new VaultContents(dataKey, file.key, state.slots);
      this.#journal.attach(contents, state.chain === null ? null : state);
      if (state.rejectedLines > 0) this.#logger.error('vault.tampered-lines', { lines: state.rejectedLines });
    } else {
      const keys = deriveVaultKeys(dataKey);
      const slots = migrateV1(file.document, dataKey, keys);
      destroyVaultKeys(keys);
      contents = new VaultContents(dataKey, file.key, slots);
      this.#journal.attach(contents, null);
    }
    this.#contents = contents;
    if (this.#journal.rewriteDue) {
      // Migration or repair: written now, so no later append chains over bytes that were not authentic.
      await this.#commit().catch((error: unknown) => this.#logger.warn('vault.rewrite-deferred', { reason: describe(error) }));
    }
    this.#enter({ kind: 'open', contents });
    this.#logger.info('vault.opened', { accounts: contents.size, protection: file.key.kind, from: file.kind });
    return contents;
  }

  async #markDamaged(reason: string): Promise<void> {
    let keptAsidePath: string | null = null;
    let where: string;
    try {
      keptAsidePath = await this.#keepAside();
      where = `The file was kept, unchanged, at ${keptAsidePath}.`;
    } catch (error) {
      where = `It could not be copied aside (${describe(error)}); it was left untouched at ${this.#store.path}.`;
    }
    this.#logger.error('vault.damaged', { keptAside: keptAsidePath !== null });
    this.#enter({
      kind: 'damaged',
      reason: `${reason} ${where} Nothing was overwritten. You can start a new, empty vault and import a backup, or quit and restore the file.`,
      keptAsidePath,
    });
  }

  #keepAside(): Promise<string> {
    return this.#store.keepAside('damaged', this.#now());
  }

  async #create(protector: KeyProtector, legacy: V0Document | null): Promise<VaultState> {
    const dataKey = newDataKey();
    const wrapped = await protector.wrap(dataKey);
    const keys = deriveVaultKeys(dataKey);
    const slots = legacy === null ? new Map<string, AccountSlot>() : migrateV0(legacy, keys);
    destroyVaultKeys(keys);
    const contents = new VaultContents(dataKey, wrapped, slots);
    this.#contents = contents;
    this.#journal.attach(contents, null);
    try {
      await this.#commit();
    } catch (error) {
      await this.#journal.detach().catch(() => undefined);
      this.#contents = null;
      contents.destroy();
      throw error;
    }
    this.#enter({ kind: 'open', contents });
    this.#logger.info('vault.created', { protection: wrapped.kind, migratedAccounts: slots.size });
    return this.state();
  }

  /** Protects the same data key another way: only the header changes (one atomic rewrite), no secret is re-encrypted. */
  async #rewrap(contents: VaultContents, protector: KeyProtector): Promise<VaultState> {
    const dataKey = contents.copyOfDataKey();
    let wrapped: WrappedKey;
    try {
      wrapped = await protector.wrap(dataKey);
    } finally {
      dataKey.fill(0);
    }
    // Locked during the wrap: these contents are gone, and so is the right to change how the key is protected.
    if (!this.#isCurrent(contents)) throw this.#wrongState('change the protection of');
    try {
      await this.#journal.rewriteAll(null, wrapped);
    } catch (error) {
      throw storageFailed(error);
    }
    this.#logger.info('vault.key-rewrapped', { protection: protector.kind });
    this.#emit();
    return this.state();
  }

  /**
   * A passphrase change: a new data key, every secret sealed again under it (saves made meanwhile included), the
   * new key wrapped by `protector`; one atomic rewrite of the file. If it fails, nothing changed.
   */
  async #rekey(contents: VaultContents, protector: KeyProtector): Promise<VaultState> {
    const newKey = newDataKey();
    let wrapped: WrappedKey;
    try {
      wrapped = await protector.wrap(newKey);
    } catch (error) {
      newKey.fill(0);
      throw AppError.from(error);
    }
    if (!this.#isCurrent(contents)) {
      newKey.fill(0);
      throw this.#wrongState('change the passphrase of');
    }
    try {
      await this.#journal.rewriteAll(newKey, wrapped); // takes newKey: adopted, or zero-filled on failure
    } catch (error) {
      throw storageFailed(error);
    }
    this.#logger.info('vault.rekeyed', { protection: wrapped.kind, accounts: contents.size });
    this.#emit();
    return this.state();
  }

  /** After an unlock: a passphrase wrap made at a lower cost than today's target is made again at the target. */
  async #raiseKdfCost(contents: VaultContents, passphrase: string): Promise<void> {
    const part = passphraseWrapOf(contents.wrappedKey);
    if (part === null || !isBelowTarget(part.kdf, this.#scryptParams)) return;
    const dataKey = contents.copyOfDataKey();
    let raised: PassphraseWrap;
    try {
      raised = await new PassphraseKeyProtector(passphrase, this.#scryptParams).wrapPart(dataKey);
    } finally {
      dataKey.fill(0);
    }
    if (!this.#isCurrent(contents)) return;
    try {
      // Only the header changes: both wraps open the same key with the same passphrase.
      await this.#journal.rewriteAll(null, withPassphraseWrap(contents.wrappedKey, raised));
      this.#logger.info('vault.kdf-raised', { fromN: part.kdf.N, toN: raised.kdf.N });
    } catch (error) {
      // The old wrap stays; tried again at the next unlock.
      this.#logger.warn('vault.kdf-raise-failed', { code: AppError.from(error).code });
    }
  }

  #isCurrent(contents: VaultContents): boolean {
    return this.#phase.kind === 'open' && this.#phase.contents === contents;
  }

  async #unwrapWithPassphrase(wrapped: WrappedKey, passphrase: string, field = 'passphrase'): Promise<Buffer> {
    try {
      return await new PassphraseKeyProtector(passphrase, this.#scryptParams).unwrap(wrapped);
    } catch (error) {
      if (error instanceof KeyUnwrapError && error.failure === 'wrong-passphrase') {
        this.#logger.warn('vault.wrong-passphrase', {});
        throw new AppError('invalid-input', 'Passphrase: this is not the vault passphrase. Check Caps Lock and the keyboard layout, then try again.', field);
      }
      throw AppError.from(error);
    }
  }

  #keychainProtector(): KeyProtector {
    return new OsKeychainKeyProtector(this.#usableOs());
  }

  #usableOs(): OsEncryption {
    const assessment = this.keychain;
    if (!assessment.usable || this.#os === undefined || !safeIsAvailable(this.#os)) {
      throw new AppError('invalid-input', assessment.usable ? 'The system keychain is not available right now.' : assessment.reason);
    }
    return this.#os;
  }

  #openContents(): VaultContents {
    const phase = this.#phase;
    if (phase.kind === 'open') return phase.contents;
    const why = {
      locked: 'The vault is locked: enter your passphrase to use your accounts.',
      setup: 'The vault is not set up yet: choose how to protect it first.',
      damaged: 'The vault file is damaged: start a new vault or restore the file first.',
      closed: 'The vault is closed.',
    }[phase.kind];
    throw new AppError('vault-locked', why);
  }

  async #commit(): Promise<void> {
    try {
      await this.#journal.commit();
    } catch (error) {
      throw storageFailed(error);
    }
  }

  #enter(phase: Phase): void {
    this.#phase = phase;
    this.#emit();
  }

  #emit(): void {
    const state = this.state();
    for (const listener of this.#listeners) listener(state);
  }

  #wrongState(action: string): AppError {
    const state = this.state();
    return new AppError(state.state === 'open' ? 'invalid-input' : 'vault-locked', `Cannot ${action} the vault while it is ${state.state}.`);
  }

  /** Runs state-changing operations one at a time (each awaits a key derivation or a write in between). */
  #serialised<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#exclusive.then(operation, operation);
    this.#exclusive = run.catch(() => undefined);
    return run;
  }
}

function safeIsAvailable(os: OsEncryption): boolean {
  try {
    return os.isAvailable();
  } catch {
    return false;
  }
}

function storageFailed(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError(
    'storage-failed',
    `The vault file could not be saved (${describe(error)}). Check the free disk space and the folder's permissions; the change is kept in memory and saved with the next one.`,
  );
}
