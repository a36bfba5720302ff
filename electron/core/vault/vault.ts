import { randomBytes } from 'node:crypto';
import type { VaultState } from '../../shared/ipc-contract';
import type { AccountStorage } from '../tokens/account-storage';
import { AppError } from '../common/app-error';
import type { Logger } from '../common/logger';
import { silentLogger } from '../common/logger';
import type { BackupExport, BackupImportReport } from './backup';
import { planImport, toBackupAccount } from './backup';
import type { BackupAccount } from './backup-format';
import { backupFileName, openBackup, sealBackup } from './backup-format';
import { GroupCommit } from './group-commit';
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
import type { V0Document } from './migrations';
import { migrateV0ToV1 } from './migrations';
import type { KeychainAssessment, OsEncryption } from './os-encryption';
import { assessKeychain } from './os-encryption';
import { checkNewPassphrase } from './new-passphrase';
import { resealUnderNewKey, sealedDocumentOf } from './reseal';
import type { ScryptParams } from './scrypt';
import { DEFAULT_SCRYPT_PARAMS, isBelowTarget, scryptSettingsProblem } from './scrypt';
import { newDataKey } from './secret-box';
import { VaultAccountStorage } from './vault-account-storage';
import { VaultContents } from './vault-contents';
import type { VaultDocument } from './vault-document';
import { classifyVaultText } from './vault-file-reading';
import type { VaultStore } from './vault-store';
import { vaultStoreOf } from './vault-store';

type Phase =
  | { kind: 'setup'; reason: string | null; legacy: V0Document | null }
  | { kind: 'locked'; document: VaultDocument; reason: string }
  | { kind: 'open'; contents: VaultContents }
  | { kind: 'damaged'; reason: string; keptAsidePath: string | null }
  | { kind: 'closed' };

const KEYCHAIN_NOT_READY_REASON =
  'The system keychain is not ready yet (a keyring still locked after login, for example). Nothing is wrong with the vault: unlock your keyring, then quit and start the app again.';
const LOCKED_REASON = 'The vault is protected by your passphrase: enter it to open your accounts.';
const LOCKED_AGAIN_REASON = 'The vault was locked: enter your passphrase to open your accounts again.';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The vault's state machine: setup / locked / open / damaged, key protection, persistence and backups. */
export class Vault implements VaultHandle {
  readonly keychain: KeychainAssessment;
  readonly storage: AccountStorage;
  readonly #store: VaultStore;
  readonly #os: OsEncryption | undefined;
  readonly #logger: Logger;
  readonly #scryptParams: ScryptParams;
  readonly #now: () => number;
  readonly #commits: GroupCommit;
  readonly #listeners = new Set<(state: VaultState) => void>();
  #phase: Phase = { kind: 'setup', reason: null, legacy: null };
  /** What the committer writes; set before the first write of a new vault, so it exists before the phase is 'open'. */
  #contents: VaultContents | null = null;
  /** After lock(): the sealed state, so writes accepted before the lock still reach the disk without the key. */
  #sealedWhileLocked: string | null = null;
  #exclusive: Promise<unknown> = Promise.resolve();

  private constructor(options: OpenVaultOptions) {
    this.#store = vaultStoreOf(options.store);
    this.#os = options.osEncryption;
    this.keychain = assessKeychain(options.osEncryption);
    this.#logger = options.logger ?? silentLogger;
    this.#scryptParams = options.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
    this.#now = options.now ?? Date.now;
    this.#commits = new GroupCommit(() => this.#snapshot(), (text) => this.#store.write(text), options.groupCommitWindowMs ?? 50);
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

  state(): VaultState {
    const phase = this.#phase;
    switch (phase.kind) {
      case 'open':
        return { state: 'open', protection: phase.contents.wrappedKey.kind, reason: null, keptAsidePath: null };
      case 'locked':
        return { state: 'locked', protection: phase.document.key.kind, reason: phase.reason, keptAsidePath: null };
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
      if (passphraseWrapOf(phase.document.key) === null) {
        throw new AppError('vault-locked', `${phase.reason} A passphrase cannot open it.`);
      }
      const dataKey = await this.#unwrapWithPassphrase(phase.document.key, passphrase);
      const contents = new VaultContents(dataKey, phase.document.key, phase.document.accounts);
      this.#contents = contents;
      this.#sealedWhileLocked = null;
      this.#enter({ kind: 'open', contents });
      this.#logger.info('vault.unlocked', { accounts: phase.document.accounts.length });
      await this.#raiseKdfCost(contents, passphrase);
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
    // Sealed values need no key: writes accepted before the lock are still written from this copy.
    const sealed = sealedDocumentOf(phase.contents);
    this.#sealedWhileLocked = sealed.text;
    this.#contents = null;
    phase.contents.destroy();
    this.#enter({ kind: 'locked', document: sealed.document, reason: LOCKED_AGAIN_REASON });
    this.#logger.info('vault.locked', { accounts: sealed.document.accounts.length });
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
      if (wrapped.kind !== 'passphrase') throw new AppError('invalid-input', 'The vault has no passphrase to check.', 'passphrase');
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

  async exportBackup(passphrase: string): Promise<BackupExport> {
    const checked = await checkNewPassphrase(passphrase);
    const contents = this.#openContents();
    const accounts: BackupAccount[] = [];
    for (const record of contents.records()) {
      if (!contents.secretsReadable(record.id)) continue; // nothing usable to move; the user is told by its status
      accounts.push(toBackupAccount(record, contents.readSecrets(record.id)));
    }
    const now = this.#now();
    const content = await sealBackup(accounts, checked, this.#scryptParams, now);
    // Locked during the key derivation: what was asked for before the lock is not handed out after it.
    if (!this.#isCurrent(contents)) throw this.#wrongState('export a backup of');
    this.#logger.info('vault.backup-exported', { accounts: accounts.length });
    return { fileName: backupFileName(now), content, accounts: accounts.length };
  }

  importBackup(content: string, passphrase: string): Promise<BackupImportReport> {
    return this.#serialised(async () => {
      this.#openContents();
      const entries = await openBackup(content, passphrase);
      const contents = this.#openContents(); // still open after the key derivation?
      const local = contents.records().map((record) => ({ record, secretsReadable: contents.secretsReadable(record.id) }));
      const plan = planImport(local, entries, () => randomBytes(12).toString('base64url'));
      for (const put of plan.puts) contents.put(put.record, put.secrets);
      if (plan.puts.length > 0) await this.#commit();
      this.#logger.info('vault.backup-imported', { added: plan.report.added.length, updated: plan.report.updated.length, skipped: plan.report.skipped.length });
      return plan.report;
    });
  }

  flush(): Promise<void> {
    return this.#commits.flush().catch((error: unknown) => {
      throw storageFailed(error);
    });
  }

  close(): Promise<void> {
    return this.#serialised(async () => {
      if (this.#phase.kind === 'closed') return;
      await this.flush();
      this.#contents?.destroy();
      this.#contents = null;
      this.#sealedWhileLocked = null;
      this.#enter({ kind: 'closed' });
    });
  }

  async #load(): Promise<void> {
    await this.#store.removeInterruptedWrites().catch(() => undefined);
    let text: string | null;
    try {
      text = await this.#store.read();
    } catch (error) {
      this.#enter({
        kind: 'damaged',
        reason: `The vault file could not be read (${describe(error)}). Check that ${this.#store.path} is readable by you, then restart the app.`,
        keptAsidePath: null,
      });
      return;
    }
    const content = classifyVaultText(text);
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
      case 'current':
        await this.#openDocument(content.document);
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

  async #openDocument(document: VaultDocument): Promise<void> {
    const passphrasePart = passphraseWrapOf(document.key);
    const kdfProblem = passphrasePart === null ? null : scryptSettingsProblem(passphrasePart.kdf);
    if (kdfProblem !== null) {
      await this.#markDamaged(`The vault file is damaged: its header asks for ${kdfProblem}.`);
      return;
    }
    if (document.key.kind === 'passphrase') {
      this.#enter({ kind: 'locked', document, reason: LOCKED_REASON });
      return;
    }
    const passphraseToo = document.key.kind === 'os-keychain-and-passphrase';
    if (this.#os === undefined || !safeIsAvailable(this.#os)) {
      this.#enter({
        kind: 'locked',
        document,
        reason: passphraseToo
          ? 'The system keychain is not available right now: enter your passphrase to open your accounts.'
          : 'The vault key is protected by the system keychain, which is not available right now. Start the app in your desktop session with its keyring running.',
      });
      return;
    }
    try {
      const dataKey = await new OsKeychainKeyProtector(this.#os).unwrap(document.key);
      this.#contents = new VaultContents(dataKey, document.key, document.accounts);
      this.#enter({ kind: 'open', contents: this.#contents });
      this.#logger.info('vault.opened', { accounts: document.accounts.length, protection: document.key.kind });
    } catch (error) {
      if (!(error instanceof KeyUnwrapError)) throw error;
      if (passphraseToo) {
        this.#enter({ kind: 'locked', document, reason: `The system keychain could not unlock the vault key (${error.message}): enter your passphrase to open your accounts.` });
        return;
      }
      if (error.failure === 'keychain-not-ready') {
        this.#logger.warn('vault.keychain-not-ready', {});
        this.#enter({ kind: 'locked', document, reason: KEYCHAIN_NOT_READY_REASON });
        return;
      }
      await this.#markDamaged(
        `The system keychain could not unlock the vault key: the vault was probably made under another user account or on another computer, or the keyring was reset (${error.message}). ` +
          'If your keyring was only locked, unlock it and restart the app: the vault file is left untouched until you choose to start a new one.',
      );
    }
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
    const document: VaultDocument = legacy === null ? { format: 'winbooks-token-manager-vault', version: 1, key: wrapped, accounts: [] } : migrateV0ToV1(legacy, dataKey, wrapped);
    const contents = new VaultContents(dataKey, wrapped, document.accounts);
    this.#contents = contents;
    try {
      await this.#commit();
    } catch (error) {
      this.#contents = null;
      contents.destroy();
      throw error;
    }
    this.#enter({ kind: 'open', contents });
    this.#logger.info('vault.created', { protection: wrapped.kind, migratedAccounts: document.accounts.length });
    return this.state();
  }

  /** Protects the same data key another way: only the wrapped key changes, no secret is re-encrypted. */
  async #rewrap(contents: VaultContents, protector: KeyProtector): Promise<VaultState> {
    const previous = contents.wrappedKey;
    const dataKey = contents.copyOfDataKey();
    let wrapped: WrappedKey;
    try {
      wrapped = await protector.wrap(dataKey);
    } finally {
      dataKey.fill(0);
    }
    // Locked during the wrap: these contents are gone, and a wrap left on them would never be written.
    if (!this.#isCurrent(contents)) throw this.#wrongState('change the protection of');
    contents.wrappedKey = wrapped;
    try {
      await this.#commit();
    } catch (error) {
      contents.wrappedKey = previous;
      throw error;
    }
    this.#logger.info('vault.key-rewrapped', { protection: protector.kind });
    this.#emit();
    return this.state();
  }

  /**
   * A passphrase change: a new data key, every secret sealed again under it, the new key wrapped by `protector`.
   * If the write fails, the new state stays in memory (saves made meanwhile are in it) and the next write saves it.
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
    const resealed = resealUnderNewKey(contents, newKey, wrapped);
    this.#contents = resealed;
    this.#phase = { kind: 'open', contents: resealed };
    contents.destroy();
    await this.#commit();
    this.#logger.info('vault.rekeyed', { protection: wrapped.kind, accounts: resealed.records().length });
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
    const previous = contents.wrappedKey;
    contents.wrappedKey = withPassphraseWrap(previous, raised);
    try {
      await this.#commit();
      this.#logger.info('vault.kdf-raised', { fromN: part.kdf.N, toN: raised.kdf.N });
    } catch (error) {
      // Both wraps open the same key with the same passphrase: keep the old one and try again next unlock.
      contents.wrappedKey = previous;
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

  #snapshot(): string {
    if (this.#contents !== null) return this.#contents.serialise();
    if (this.#sealedWhileLocked !== null) return this.#sealedWhileLocked;
    throw new AppError('vault-locked', 'The vault is closed: nothing can be saved.');
  }

  async #commit(): Promise<void> {
    try {
      await this.#commits.commit();
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
