import { z } from 'zod';
import type { OsEncryption } from './os-encryption';
import { KEYCHAIN_NOT_READY } from './os-encryption';
import { DATA_KEY_LENGTH, SealBrokenError, open, seal } from './secret-box';
import type { ScryptParams } from './scrypt';
import { deriveKey, newScryptSettings, storedScryptSchema } from './scrypt';

/** How the data key is stored: wrapped by the OS keychain or by a key derived from a passphrase. */
export const wrappedKeySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('os-keychain'), backend: z.string(), blob: z.string().min(1) }),
  z.object({ kind: z.literal('passphrase'), kdf: storedScryptSchema, sealedKey: z.string().min(1) }),
]);
export type WrappedKey = z.infer<typeof wrappedKeySchema>;
export type ProtectionKind = WrappedKey['kind'];

export type UnwrapFailure = 'wrong-passphrase' | 'keychain-refused' | 'keychain-not-ready' | 'not-this-protector';

export class KeyUnwrapError extends Error {
  override readonly name = 'KeyUnwrapError';
  constructor(readonly failure: UnwrapFailure, detail: string) {
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
    const kdf = newScryptSettings(this.params);
    const wrappingKey = await deriveKey(this.passphrase, kdf);
    return { kind: 'passphrase', kdf, sealedKey: seal(wrappingKey, dataKey.toString('base64'), KEY_AAD) };
  }

  async unwrap(wrapped: WrappedKey): Promise<Buffer> {
    if (wrapped.kind !== 'passphrase') throw new KeyUnwrapError('not-this-protector', 'the key is not protected by a passphrase');
    const wrappingKey = await deriveKey(this.passphrase, wrapped.kdf);
    try {
      return checkedKey(Buffer.from(open(wrappingKey, wrapped.sealedKey, KEY_AAD), 'base64'));
    } catch (error) {
      if (error instanceof SealBrokenError) throw new KeyUnwrapError('wrong-passphrase', 'the passphrase does not open the key');
      throw error;
    }
  }
}

export class OsKeychainKeyProtector implements KeyProtector {
  readonly kind = 'os-keychain';

  constructor(private readonly os: OsEncryption) {}

  async wrap(dataKey: Buffer): Promise<WrappedKey> {
    const blob = await this.os.encryptString(dataKey.toString('base64'));
    return { kind: 'os-keychain', backend: this.os.backend(), blob: Buffer.from(blob).toString('base64') };
  }

  async unwrap(wrapped: WrappedKey): Promise<Buffer> {
    if (wrapped.kind !== 'os-keychain') throw new KeyUnwrapError('not-this-protector', 'the key is not protected by the OS keychain');
    let text: string;
    try {
      text = await this.os.decryptString(Buffer.from(wrapped.blob, 'base64'));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if ((error as { code?: unknown } | null)?.code === KEYCHAIN_NOT_READY) throw new KeyUnwrapError('keychain-not-ready', detail);
      throw new KeyUnwrapError('keychain-refused', `the system keychain could not decrypt the key (${detail})`);
    }
    return checkedKey(Buffer.from(text, 'base64'));
  }
}
