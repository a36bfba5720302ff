import { chmod, open, readFile, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { copyAside, isCode, pruneKeptCopies, removeInterruptedWrites, writeFileAtomically } from './atomic-file';

/**
 * Where the vault file lives. The app passes an electron-store, Node tests a `conf` (electron-store
 * extends conf): both resolve the file's path the same way, and the vault reads and writes that file itself.
 *
 * Writes do not go through conf's own `store` setter, because it cannot promise what the vault needs:
 * - no fsync of the directory after the rename, so a power loss can bring back the old file;
 * - under Snap (`process.env.SNAP`) and on EXDEV it falls back to a plain, non-atomic writeFileSync
 *   (a crash mid-write leaves a torn file);
 * - a corrupt file makes its `store` getter throw, or, with clearInvalidConfig, silently become `{}` and be
 *   overwritten at the next write: the vault must instead keep such a file aside untouched;
 * - it rewrites the whole file on every change; the vault appends what changed.
 */
export interface VaultStore {
  readonly path: string;
  /** The file's bytes, or null when there is no file yet. Makes a file others could read 0600 at once. */
  read(): Promise<Buffer | null>;
  /** Replaces the file atomically (temp + fsync + rename + directory fsync, 0600); resolves once durable. */
  replace(text: string): Promise<void>;
  /**
   * Writes `text` at byte `offset` (the end of what is known good: anything after it, a torn tail, is cut off
   * first) and fsyncs the data; resolves once durable.
   */
  append(text: string, offset: number): Promise<void>;
  /** Copies the current file aside under a timestamped name (never overwriting anything); returns the copy's path. */
  keepAside(label: string, now: number): Promise<string>;
  /** Removes temp files of writes a crash interrupted. */
  removeInterruptedWrites(): Promise<void>;
  /** Releases the open file, if any. */
  close(): Promise<void>;
  /** Durable writes done so far (appends and replacements). */
  readonly writeCount: number;
  /** Bytes handed to those writes. */
  readonly bytesWritten: number;
}

/** The part of conf / electron-store the vault uses. */
export interface ConfLike {
  readonly path: string;
}

export const VAULT_FILE_NAME = 'vault';
export const VAULT_FILE_MODE = 0o600;
/** Copies of damaged vault files kept next to it; older ones are deleted. */
export const KEPT_DAMAGED_COPIES = 3;

/**
 * Options for the conf / electron-store that locates the vault file (electron-store: `{ name: VAULT_FILE_NAME,
 * ...VAULT_STORE_OPTIONS }`). Its constructor reads the file: the tolerant parser keeps a vault file (JSON lines,
 * not one JSON document) from throwing there, and clearInvalidConfig: false keeps conf from wiping it.
 */
export const VAULT_STORE_OPTIONS = {
  configFileMode: VAULT_FILE_MODE,
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false,
  watch: false,
  // conf only locates the file: the vault reads it itself, so conf need not parse (and deep-compare) it.
  deserialize: (): Record<string, unknown> => ({}),
};

export class FileVaultStore implements VaultStore {
  #writes = 0;
  #bytes = 0;
  #handle: FileHandle | null = null;
  /** The file's size as this store last left it; null when unknown (a write failed): the next append truncates. */
  #size: number | null = null;

  constructor(
    readonly path: string,
    private readonly mode: number = VAULT_FILE_MODE,
  ) {}

  get writeCount(): number {
    return this.#writes;
  }

  get bytesWritten(): number {
    return this.#bytes;
  }

  async read(): Promise<Buffer | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
    this.#size = bytes.length;
    await this.#restrictMode();
    return bytes;
  }

  async replace(text: string): Promise<void> {
    await this.close();
    this.#size = null;
    const data = Buffer.from(text, 'utf8');
    this.#writes += 1;
    this.#bytes += data.length;
    await writeFileAtomically(this.path, data, this.mode);
    this.#size = data.length;
  }

  async append(text: string, offset: number): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    this.#writes += 1;
    this.#bytes += data.length;
    const known = this.#size;
    this.#size = null;
    this.#handle ??= await open(this.path, 'r+');
    const handle = this.#handle;
    if (known !== offset) await handle.truncate(offset);
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await handle.write(data, written, data.length - written, offset + written);
      written += bytesWritten;
    }
    await handle.datasync();
    this.#size = offset + data.length;
  }

  async keepAside(label: string, now: number): Promise<string> {
    await this.#restrictMode();
    const copy = await copyAside(this.path, label, now, this.mode);
    await pruneKeptCopies(this.path, label, KEPT_DAMAGED_COPIES);
    return copy;
  }

  async removeInterruptedWrites(): Promise<void> {
    await removeInterruptedWrites(this.path);
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = null;
    await handle?.close();
  }

  /** A vault file others can read (an old version's umask, a copy) is made 0600 as soon as it is seen. */
  async #restrictMode(): Promise<void> {
    try {
      if (((await stat(this.path)).mode & 0o777) !== this.mode) await chmod(this.path, this.mode);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
  }
}

export function fileVaultStore(path: string): VaultStore {
  return new FileVaultStore(path);
}

function isVaultStore(value: object): value is VaultStore {
  return 'read' in value && 'replace' in value && 'append' in value && 'keepAside' in value;
}

/** The VaultStore for what openVault was given: a VaultStore, a conf / electron-store, or a directory. */
export function vaultStoreOf(source: ConfLike | VaultStore | { directory: string }): VaultStore {
  if (isVaultStore(source)) return source;
  // conf's own file name for this configName; constructing a Conf would read the whole vault just to find it.
  if ('directory' in source) return new FileVaultStore(join(source.directory, `${VAULT_FILE_NAME}.json`));
  return new FileVaultStore(source.path);
}
