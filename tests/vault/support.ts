import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { AccountRecord, AccountSecrets } from '../../electron/core/tokens/account-storage';
import type { OpenVaultOptions, OsEncryption, ScryptParams, VaultHandle, VaultStore } from '../../electron/core/vault/index';
import { VAULT_FILE_NAME, VAULT_STORE_OPTIONS, openVault } from '../../electron/core/vault/index';

/** Cheap scrypt so tests do not spend seconds per unlock; one test uses the real defaults. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export async function tempDirectory(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'wtm-vault-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Runs a test body in a fresh temporary directory that is removed afterwards, whatever happens. */
export async function inTempDirectory(body: (dir: { path: string }) => Promise<void>): Promise<void> {
  const dir = await tempDirectory();
  try {
    await body(dir);
  } finally {
    await dir.remove();
  }
}

/** The same construction the app uses (electron-store is a conf), pointed at a test directory. */
export function confStore(directory: string): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({ cwd: directory, configName: VAULT_FILE_NAME, ...VAULT_STORE_OPTIONS });
}

export function openTestVault(directory: string, extra: Partial<OpenVaultOptions> = {}): Promise<VaultHandle> {
  return openVault({ store: confStore(directory), scryptParams: TEST_SCRYPT, ...extra });
}

export async function openWithPassphrase(directory: string, extra: Partial<OpenVaultOptions> = {}): Promise<VaultHandle> {
  const vault = await openTestVault(directory, extra);
  const state = vault.state().state;
  if (state === 'setup') await vault.createWithPassphrase(PASSPHRASE);
  else if (state === 'locked') await vault.unlock(PASSPHRASE);
  if (vault.state().state !== 'open') throw new Error(`test vault did not open: ${JSON.stringify(vault.state())}`);
  return vault;
}

/**
 * Stands in for Electron safeStorage: AES with a key that belongs to "this OS user". Another instance
 * (another user or computer) cannot decrypt what this one encrypted.
 */
export class FakeOsEncryption implements OsEncryption {
  readonly #key = randomBytes(32);
  encryptCalls = 0;

  constructor(
    private readonly backendName = 'gnome_libsecret',
    private readonly available = true,
  ) {}

  isAvailable(): boolean {
    return this.available;
  }

  backend(): string {
    return this.backendName;
  }

  encryptString(text: string): Promise<Uint8Array> {
    this.encryptCalls += 1;
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', this.#key, iv);
    return Promise.resolve(Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final()]));
  }

  decryptString(data: Uint8Array): Promise<string> {
    const buffer = Buffer.from(data);
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.#key, buffer.subarray(0, 16));
      return Promise.resolve(Buffer.concat([decipher.update(buffer.subarray(16)), decipher.final()]).toString('utf8'));
    } catch {
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    }
  }
}

let sequence = 0;

export function sampleRecord(overrides: Partial<AccountRecord> = {}): AccountRecord {
  sequence += 1;
  return {
    id: `acct${String(sequence).padStart(6, '0')}${randomBytes(3).toString('hex')}`,
    label: `Client ${sequence}`,
    email: `user${sequence}@example.com`,
    host: 'https://prd.winbooksapis.be/wow/v2',
    autoRefresh: true,
    createdAt: 1_700_000_000_000 + sequence,
    lastUsedAt: null,
    accessIssuedAt: null,
    accessExpiresAt: null,
    lastRefreshAt: null,
    needsExchangeToken: false,
    refreshSentAt: null,
    lastError: null,
    ...overrides,
  };
}

/** Secrets unlikely to appear by chance, so a plaintext search is meaningful. */
export function sampleSecrets(): AccountSecrets {
  return {
    exchangeToken: `XCH-${randomBytes(18).toString('base64url')}`,
    refreshToken: `TGe0!RFR-${randomBytes(18).toString('base64url')}`,
    accessToken: `gAAAA-ACC-${randomBytes(18).toString('base64url')}`,
  };
}

/** The non-null secrets of some accounts, as a plain list. */
export function secretValues(...all: AccountSecrets[]): string[] {
  return all.flatMap((secrets) => [secrets.exchangeToken, secrets.refreshToken, secrets.accessToken]).filter((secret): secret is string => secret !== null);
}

/** Every secret that appears in the text, in clear or in the common encodings someone might leak it in. */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) =>
    [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex'), JSON.stringify(secret).slice(1, -1)].some((form) => text.includes(form)),
  );
}

export async function fileText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** The account ids the lines of a vault file (format 2) hold, in order; a removal removes. */
export function idsInJournalText(text: string, into: Set<string>): void {
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const body = JSON.parse(line.slice(0, line.length - 88)) as { s: number; id?: string; removed?: boolean };
    if (body.s === 0 || body.id === undefined) continue;
    if (body.removed === true) into.delete(body.id);
    else into.add(body.id);
  }
}

type StoreOperations = Pick<VaultStore, 'read' | 'replace' | 'append' | 'keepAside' | 'removeInterruptedWrites' | 'close'>;

/** A store that does what `inner` does (its counters read live), except the operations given in `changed`. */
export function storeWith(inner: VaultStore, changed: Partial<StoreOperations>): VaultStore {
  return {
    get path() {
      return inner.path;
    },
    get writeCount() {
      return inner.writeCount;
    },
    get bytesWritten() {
      return inner.bytesWritten;
    },
    read: () => inner.read(),
    replace: (text) => inner.replace(text),
    append: (text, offset) => inner.append(text, offset),
    keepAside: (label, now) => inner.keepAside(label, now),
    removeInterruptedWrites: () => inner.removeInterruptedWrites(),
    close: () => inner.close(),
    ...changed,
  };
}

/** Wraps a store to record, for every write that completed, which account ids the file then held. */
export function recordingStore(inner: VaultStore): VaultStore & { durableIds: Set<string>; writes: number } {
  const durableIds = new Set<string>();
  const counter = { writes: 0 };
  const store = storeWith(inner, {
    async replace(text) {
      await inner.replace(text);
      counter.writes += 1;
      durableIds.clear();
      idsInJournalText(text, durableIds);
    },
    async append(text, offset) {
      await inner.append(text, offset);
      counter.writes += 1;
      idsInJournalText(text, durableIds);
    },
  });
  return Object.defineProperties(store, {
    durableIds: { value: durableIds },
    writes: { get: () => counter.writes },
  }) as VaultStore & { durableIds: Set<string>; writes: number };
}
