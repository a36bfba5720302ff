import { z } from 'zod';
import type { OsEncryption } from './os-encryption';
import { KEYCHAIN_NOT_READY } from './os-encryption';
import { DATA_KEY_LENGTH, SealBrokenError, open, seal } from './secret-box';
import type { ScryptParams } from './scrypt';
import { deriveKey, newScryptSettings, storedScryptSchema } from './scrypt';

const keychainWrapSchema = z.object({ backend: z.string(), blob: z.string().min(1) });
const passphraseWrapSchema = z.object({ kdf: storedScryptSchema, sealedKey: z.string().min(1) });
export type KeychainWrap = z.infer<typeof keychainWrapSchema>;
export type PassphraseWrap = z.infer<typeof passphraseWrapSchema>;

/**
 * How the data key is stored: wrapped by the OS keychain, by a key derived from a passphrase, or by both
 * (the keychain opens the vault at start without a prompt; the passphrase unlocks it after a lock, or when
 * the keychain is unavailable).
 */
export const wrappedKeySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('os-keychain'), ...keychainWrapSchema.shape }),
  z.object({ kind: z.literal('passphrase'), ...passphraseWrapSchema.shape }),
  z.object({ kind: z.literal('os-keychain-and-passphrase'), keychain: keychainWrapSchema, passphrase: passphraseWrapSchema }),
]);
export type WrappedKey = z.infer<typeof wrappedKeySchema>;
export type ProtectionKind = WrappedKey['kind'];

/** The passphrase part of a wrapped key, or null when no passphrase protects it. */
export function passphraseWrapOf(wrapped: WrappedKey): PassphraseWrap | null {
  switch (wrapped.kind) {
    case 'passphrase':
      return { kdf: wrapped.kdf, sealedKey: wrapped.sealedKey };
    case 'os-keychain-and-passphrase':
      return wrapped.passphrase;
    case 'os-keychain':
      return null;
  }
}

/** The keychain part of a wrapped key, or null when the keychain does not protect it. */
export function keychainWrapOf(wrapped: WrappedKey): KeychainWrap | null {
  switch (wrapped.kind) {
    case 'os-keychain':
      return { backend: wrapped.backend, blob: wrapped.blob };
    case 'os-keychain-and-passphrase':
      return wrapped.keychain;
    case 'passphrase':
      return null;
  }
}

/** The same protection with its passphrase part replaced (a raised KDF cost, a new passphrase). */
export function withPassphraseWrap(wrapped: WrappedKey, part: PassphraseWrap): WrappedKey {
  if (wrapped.kind === 'os-keychain-and-passphrase') return { kind: wrapped.kind, keychain: wrapped.keychain, passphrase: part };
  return { kind: 'passphrase', ...part };
}

export type UnwrapFailure = 'wrong-passphrase' | 'keychain-refused' | 'keychain-not-ready' | 'not-this-protector';

export class KeyUnwrapError extends Error {
  override readonly name = 'KeyUnwrapError';
  constructor(
    readonly failure: UnwrapFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** The port that protects the vault's data key. */
export interface KeyProtector {
  readonly kind: ProtectionKind;
  wrap(dataKey: Buffer): Promise<WrappedKey>;
  /** Rejects with KeyUnwrapError when this protector cannot recover the key. */
  unwrap(wrapped: WrappedKey): Promise<Buffer>;
}

const KEY_AAD = 'wtm-vault-key:v1';

function checkedKey(key: Buffer): Buffer {
  if (key.length !== DATA_KEY_LENGTH) throw new KeyUnwrapError('keychain-refused', 'the recovered key has the wrong length');
  return key;
}

export class PassphraseKeyProtector implements KeyProtector {
  readonly kind = 'passphrase';

  constructor(
    private readonly passphrase: string,
    private readonly params: ScryptParams,
  ) {}

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    return { kind: 'passphrase', ...(await this.wrapPart(dataKey)) };
  }

  /** The passphrase part alone, with a fresh salt at this protector's cost. */
  async wrapPart(dataKey: Buffer): Promise<PassphraseWrap> {
    const kdf = newScryptSettings(this.params);
    const wrappingKey = await deriveKey(this.passphrase, kdf);
    try {
      return { kdf, sealedKey: seal(wrappingKey, dataKey.toString('base64'), KEY_AAD) };
    } finally {
      wrappingKey.fill(0);
    }
  }

  /** Opens the passphrase part (of a 'passphrase' or an 'os-keychain-and-passphrase' key) with the cost stored there. */
  async unwrap(wrapped: WrappedKey): Promise<Buffer> {
    const part = passphraseWrapOf(wrapped);
    if (part === null) throw new KeyUnwrapError('not-this-protector', 'the key is not protected by a passphrase');
    const wrappingKey = await deriveKey(this.passphrase, part.kdf);
    try {
      return checkedKey(Buffer.from(open(wrappingKey, part.sealedKey, KEY_AAD), 'base64'));
    } catch (error) {
      if (error instanceof SealBrokenError) throw new KeyUnwrapError('wrong-passphrase', 'the passphrase does not open the key');
      throw error;
    } finally {
      wrappingKey.fill(0);
    }
  }
}

export class OsKeychainKeyProtector implements KeyProtector {
  readonly kind = 'os-keychain';

  constructor(private readonly os: OsEncryption) {}

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    return { kind: 'os-keychain', ...(await this.wrapPart(dataKey)) };
  }

  async wrapPart(dataKey: Buffer): Promise<KeychainWrap> {
    const blob = await this.os.encryptString(dataKey.toString('base64'));
    return { backend: this.os.backend(), blob: Buffer.from(blob).toString('base64') };
  }

  /** Opens the keychain part (of an 'os-keychain' or an 'os-keychain-and-passphrase' key). */
  async unwrap(wrapped: WrappedKey): Promise<Buffer> {
    const part = keychainWrapOf(wrapped);
    if (part === null) throw new KeyUnwrapError('not-this-protector', 'the key is not protected by the OS keychain');
    let text: string;
    try {
      text = await this.os.decryptString(Buffer.from(part.blob, 'base64'));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if ((error as { code?: unknown } | null)?.code === KEYCHAIN_NOT_READY) throw new KeyUnwrapError('keychain-not-ready', detail);
      throw new KeyUnwrapError('keychain-refused', `the system keychain could not decrypt the key (${detail})`);
    }
    return checkedKey(Buffer.from(text, 'base64'));
  }
}

/** The key wrapped twice: by the keychain (start without a prompt) and by the passphrase (unlock after a lock). */
export class KeychainAndPassphraseKeyProtector implements KeyProtector {
  readonly kind = 'os-keychain-and-passphrase';
  readonly #keychain: OsKeychainKeyProtector;
  readonly #passphrase: PassphraseKeyProtector;

  constructor(os: OsEncryption, passphrase: string, params: ScryptParams) {
    this.#keychain = new OsKeychainKeyProtector(os);
    this.#passphrase = new PassphraseKeyProtector(passphrase, params);
  }

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    const passphrase = await this.#passphrase.wrapPart(dataKey);
    return { kind: 'os-keychain-and-passphrase', keychain: await this.#keychain.wrapPart(dataKey), passphrase };
  }

  /** The passphrase proves more than the keychain (it is what a lock asks for), so it is what this opens with. */
  unwrap(wrapped: WrappedKey): Promise<Buffer> {
    return this.#passphrase.unwrap(wrapped);
  }
}
