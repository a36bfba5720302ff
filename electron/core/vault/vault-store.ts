import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyAside, isCode, removeInterruptedWrites, writeFileAtomically } from './atomic-file';

/**
 * Where the vault document lives. The app passes an electron-store, Node tests a `conf` (electron-store
 * extends conf): both resolve the file's path the same way, and the vault reads and writes that file.
 *
 * Writes do not go through conf's own `store` setter, because it cannot promise what the vault needs:
 * - no fsync of the directory after the rename, so a power loss can bring back the old file;
 * - under Snap (`process.env.SNAP`) and on EXDEV it falls back to a plain, non-atomic writeFileSync
 *   (a crash mid-write leaves a torn file);
 * - a corrupt file makes its `store` getter throw, or, with clearInvalidConfig, silently become `{}` and be
 *   overwritten at the next write: the vault must instead keep such a file aside untouched;
 * - it writes synchronously and re-reads the whole file before every write.
 * So the vault writes through writeFileAtomically (temp + fsync + rename + directory fsync), mode 0600.
 */
export interface VaultStore {
  readonly path: string;
  /** The file's text, or null when there is no file yet. */
  read(): Promise<string | null>;
  /** Replaces the file atomically; resolves once the new content is durable. */
  write(text: string): Promise<void>;
  /** Copies the current file aside under a timestamped name (never overwriting anything); returns the copy's path. */
  keepAside(label: string, now: number): Promise<string>;
  /** Removes temp files of writes a crash interrupted. */
  removeInterruptedWrites(): Promise<void>;
  /** Writes done so far. */
  readonly writeCount: number;
}

/** The part of conf / electron-store the vault uses. */
export interface ConfLike {
  readonly path: string;
}

export const VAULT_FILE_NAME = 'vault';
export const VAULT_FILE_MODE = 0o600;

/**
 * Options for the conf / electron-store that locates the vault file (electron-store: `{ name: VAULT_FILE_NAME,
 * ...VAULT_STORE_OPTIONS }`). Its constructor reads the file: the tolerant parser keeps a corrupt file from
 * throwing there (the vault itself detects and reports it), and clearInvalidConfig: false keeps conf from wiping it.
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

  constructor(
    readonly path: string,
    private readonly mode: number = VAULT_FILE_MODE,
  ) {}

  get writeCount(): number {
    return this.#writes;
  }

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  async write(text: string): Promise<void> {
    this.#writes += 1;
    await writeFileAtomically(this.path, text, this.mode);
  }

  keepAside(label: string, now: number): Promise<string> {
    return copyAside(this.path, label, now, this.mode);
  }

  async removeInterruptedWrites(): Promise<void> {
    await removeInterruptedWrites(this.path);
  }
}

export function fileVaultStore(path: string): VaultStore {
  return new FileVaultStore(path);
}

function isVaultStore(value: object): value is VaultStore {
  return 'read' in value && 'write' in value && 'keepAside' in value;
}

/** The VaultStore for what openVault was given: a VaultStore, a conf / electron-store, or a directory. */
export function vaultStoreOf(source: ConfLike | VaultStore | { directory: string }): VaultStore {
  if (isVaultStore(source)) return source;
  // conf's own file name for this configName; constructing a Conf would read the whole vault just to find it.
  if ('directory' in source) return new FileVaultStore(join(source.directory, `${VAULT_FILE_NAME}.json`));
  return new FileVaultStore(source.path);
}
