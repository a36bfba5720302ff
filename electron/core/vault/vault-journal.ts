import { randomBytes } from 'node:crypto';
import { AppError } from '../common/app-error';
import type { Logger } from '../common/logger';
import type { AccountSlot } from './account-slot';
import { GroupCommit } from './group-commit';
import type { JournalState } from './journal-reading';
import { accountBody, formatLine, headerBody, removedBody, tamperedBody } from './journal-lines';
import type { WrappedKey } from './key-protection';
import { RunningMac } from './running-mac';
import type { Change, VaultContents } from './vault-contents';
import type { VaultKeys } from './vault-keys';
import { deriveVaultKeys, destroyVaultKeys } from './vault-keys';
import type { VaultStore } from './vault-store';

/** Compaction rewrites the file once it is this many times what a fresh rewrite would be (plus the slack below). */
export const COMPACTION_RATIO = 2;
const COMPACTION_SLACK_BYTES = 64 * 1024;
const FALLBACK_ACCOUNT_BYTES = 1024;
/**
 * No save's write starts within this long of the start of the previous write or whole-file rewrite: at most 20
 * save writes a second whatever the burst or the server's latency (a re-key's rewrite is not delayed itself).
 * A save with no write started in the last 50 ms is written at once; one made sooner waits for the rest of the
 * interval, with every save made meanwhile.
 */
export const DEFAULT_MIN_WRITE_INTERVAL_MS = 50;

/** A whole file composed with the key, ready to be written without it. */
interface ComposedFile {
  text: string;
  file: FileState;
}

/** Where the file stands: what the next append continues. */
interface FileState {
  fileId: string;
  /** Chain over the file's first `validBytes` bytes; null: the next write must rewrite the whole file. */
  chain: RunningMac | null;
  validBytes: number;
  nextSeq: number;
  /** Size and account count of the last whole-file write, to estimate what a rewrite would write now. */
  rewrittenBytes: number;
  rewrittenAccounts: number;
}

const NO_FILE: FileState = { fileId: '', chain: null, validBytes: 0, nextSeq: 1, rewrittenBytes: 0, rewrittenAccounts: 0 };

/**
 * The vault's writer: each group commit appends one line per changed account (its record and only the secrets
 * that changed), fsyncs, and resolves its callers. Once the file is COMPACTION_RATIO times what a rewrite would
 * be, the next commit rewrites it whole (compaction, atomic). A re-key or a new wrapped key is such a rewrite too.
 */
export class VaultJournal {
  readonly #store: VaultStore;
  readonly #logger: Logger;
  readonly #commits: GroupCommit<void>;
  #contents: VaultContents | null = null;
  /** Composed by release() for the changes not yet durable when the contents were let go; written by the next commit. */
  #sealed: ComposedFile | null = null;
  #file: FileState = { ...NO_FILE };

  constructor(store: VaultStore, options: { minWriteIntervalMs: number; logger: Logger }) {
    this.#store = store;
    this.#logger = options.logger;
    this.#commits = new GroupCommit<void>(() => undefined, () => this.#writePending(), options.minWriteIntervalMs);
  }

  /**
   * Starts writing for these contents. `state`: where a verified file stands; null: there is no usable file yet
   * (new vault, migration, or a file that needed repair), so the first commit writes it whole.
   */
  attach(contents: VaultContents, state: JournalState | null): void {
    this.#contents = contents;
    this.#file =
      state === null
        ? { ...NO_FILE }
        : { fileId: state.fileId, chain: state.chain, validBytes: state.validBytes, nextSeq: state.nextSeq, rewrittenBytes: state.validBytes, rewrittenAccounts: contents.size };
  }

  /** Stops writing (after a flush, and after what release() left, if anything); the contents are the caller's to destroy. */
  async detach(): Promise<void> {
    try {
      await this.flush();
      // That write may have made a compaction due, queued behind it: written now, not refused once the contents are gone.
      if (this.#commits.busy) await this.flush();
    } finally {
      // Even when the flush failed: the caller destroys the contents next, so nothing may write from them after this.
      this.#contents = null;
      await this.settle();
    }
  }

  /**
   * Lets go of the contents at once, so the caller can destroy them (a lock): the changes not yet durable, and any
   * write or rewrite under way, are composed now, with the key, into one whole-file write that needs no key. A
   * rewrite under way (a re-key, a new wrap) is thereby undone: it rejects with 'vault-locked'. The promise settles
   * once that write is durable and the file closed; if the write fails, it is kept and settle() tries it again.
   */
  release(): Promise<void> {
    const contents = this.#contents;
    if (contents !== null) {
      this.#contents = null;
      if (contents.hasChanges || this.#commits.busy) {
        this.#sealed = compose(contents.keys, contents.wrappedKey, contents.slots());
        contents.takeChanges();
      }
    }
    return this.settle();
  }

  /** After release(): writes what it composed if that is still pending (again, after a failure), then closes the file. */
  async settle(): Promise<void> {
    try {
      if (this.#sealed !== null) await this.commit();
      else await this.flush();
    } finally {
      await this.#store.close();
      if (this.#contents === null) this.#forgetFile();
    }
  }

  /** The chain's running state holds the chain key (its pads): nothing of it stays once the contents are gone. */
  #forgetFile(): void {
    this.#file = { ...NO_FILE };
  }

  /** Resolves once every change made to the contents so far is durable. */
  commit(): Promise<void> {
    return this.#commits.commit();
  }

  async flush(): Promise<void> {
    // A failed write's changes are back in the contents with nobody waiting for them: a flush writes them too.
    if (this.#contents?.hasChanges === true) return this.commit();
    await this.#commits.flush();
    // A rewrite under way took them and, failing, put them back during the wait above: written now.
    const contents = this.#contents;
    if (contents?.hasChanges === true) await this.commit();
  }

  /**
   * Re-keys the vault: every secret sealed again under `dataKey`, the file rewritten whole with `wrappedKey` in
   * its header (atomic; on failure nothing changes, in memory or on disk). `dataKey` null keeps the data key and
   * rewrites only the header (the key wrapped another way). The journal takes ownership of `dataKey`.
   */
  rewriteAll(dataKey: Buffer | null, wrappedKey: WrappedKey): Promise<void> {
    return this.#commits.exclusive(async () => {
      let contents: VaultContents;
      try {
        contents = this.#attached();
      } catch (error) {
        dataKey?.fill(0);
        throw error;
      }
      const keys = dataKey === null ? contents.keys : deriveVaultKeys(dataKey);
      const slots = dataKey === null ? null : contents.resealedUnder(keys);
      const changes = contents.takeChanges();
      const forget = (): void => {
        if (dataKey === null) return;
        destroyVaultKeys(keys);
        dataKey.fill(0);
      };
      try {
        await this.#rewrite(keys, wrappedKey, slots ?? contents.slots());
      } catch (error) {
        contents.restoreChanges(changes);
        forget();
        throw error;
      }
      if (this.#contents !== contents) {
        // Released (locked) meanwhile: release() composed the previous state, written after this rewrite.
        forget();
        throw new AppError('vault-locked', 'The vault was locked before the change was complete: nothing changed.');
      }
      if (dataKey === null || slots === null) contents.wrappedKey = wrappedKey;
      else contents.adoptKey(dataKey, keys, wrappedKey, slots);
    });
  }

  /** The first commit after this writes the whole file (used when what is on disk cannot be appended to). */
  requireRewrite(): void {
    this.#file = { ...this.#file, chain: null };
  }

  get rewriteDue(): boolean {
    return this.#file.chain === null;
  }

  #attached(): VaultContents {
    if (this.#contents === null) throw new AppError('vault-locked', 'The vault is closed: nothing can be saved.');
    return this.#contents;
  }

  async #writePending(): Promise<void> {
    const sealed = this.#sealed;
    if (sealed !== null) {
      await this.#writeComposed(sealed); // on failure it stays pending, for settle()
      this.#sealed = null;
      return;
    }
    const contents = this.#attached();
    const { chain } = this.#file;
    if (chain === null || contents.hasRemovals) {
      // A removed account leaves the file at once, not at the next compaction.
      const changes = contents.takeChanges();
      try {
        await this.#rewrite(contents.keys, contents.wrappedKey, contents.slots());
      } catch (error) {
        contents.restoreChanges(changes);
        throw error;
      }
      return;
    }
    if (!contents.hasChanges) return;
    const changes = contents.takeChanges();
    const next = chain.copy();
    let seq = this.#file.nextSeq;
    let text = '';
    for (const change of changes) {
      text += formatLine(this.#bodyOf(contents, change, seq), contents.keys, this.#file.fileId, next);
      seq += 1;
    }
    try {
      await this.#store.append(text, this.#file.validBytes);
    } catch (error) {
      contents.restoreChanges(changes);
      throw error;
    }
    this.#file = { ...this.#file, chain: next, nextSeq: seq, validBytes: this.#file.validBytes + Buffer.byteLength(text) };
    if (this.#contents === contents && this.#compactionDue(contents)) {
      this.requireRewrite();
      this.commit().catch((error: unknown) => this.#logger.warn('vault.compaction-failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  #bodyOf(contents: VaultContents, change: Change, seq: number): string {
    const slot = contents.slot(change.id);
    if (change.kind === 'removed' || slot === undefined) return removedBody(seq, change.id);
    if (slot.kind === 'tampered') return tamperedBodyOf(seq, change.id, slot);
    const secrets: Partial<typeof slot.sealed> = {};
    for (const field of change.fields) secrets[field] = slot.sealed[field];
    return accountBody(seq, slot.record, secrets);
  }

  /** The file holds COMPACTION_RATIO times what a rewrite would write now (estimated from the last rewrite's size per account). */
  #compactionDue(contents: VaultContents): boolean {
    const { rewrittenBytes, rewrittenAccounts, validBytes } = this.#file;
    const perAccount = rewrittenAccounts > 0 ? rewrittenBytes / rewrittenAccounts : FALLBACK_ACCOUNT_BYTES;
    return validBytes > COMPACTION_RATIO * perAccount * contents.size + COMPACTION_SLACK_BYTES;
  }

  /** Writes the whole file: a header under a new file id, then one full line per account. */
  #rewrite(keys: VaultKeys, wrappedKey: WrappedKey, slots: Iterable<[string, AccountSlot]>): Promise<void> {
    return this.#writeComposed(compose(keys, wrappedKey, slots));
  }

  async #writeComposed(composed: ComposedFile): Promise<void> {
    await this.#store.replace(composed.text);
    this.#file = composed.file;
    this.#logger.info('vault.rewritten', { accounts: composed.file.rewrittenAccounts });
  }
}

/** The whole file, synchronously: a header under a new file id, then one full line per account. */
function compose(keys: VaultKeys, wrappedKey: WrappedKey, slots: Iterable<[string, AccountSlot]>): ComposedFile {
  const fileId = randomBytes(16).toString('base64url');
  const chain = RunningMac.start(keys.chain);
  const parts = [formatLine(headerBody(fileId, wrappedKey), keys, fileId, chain)];
  let seq = 1;
  for (const [id, slot] of slots) {
    const body = slot.kind === 'sealed' ? accountBody(seq, slot.record, slot.sealed) : tamperedBodyOf(seq, id, slot);
    parts.push(formatLine(body, keys, fileId, chain));
    seq += 1;
  }
  const text = parts.join('');
  const bytes = Buffer.byteLength(text);
  return { text, file: { fileId, chain, validBytes: bytes, nextSeq: seq, rewrittenBytes: bytes, rewrittenAccounts: seq - 1 } };
}

function tamperedBodyOf(seq: number, id: string, slot: Extract<AccountSlot, { kind: 'tampered' }>): string {
  const { label, email, host, createdAt } = slot.record;
  return tamperedBody(seq, id, { label, email, host, createdAt }, slot.reason);
}
