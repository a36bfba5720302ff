import type { SafeStorage } from 'electron';
import type { OsEncryption } from '../core/vault/os-encryption';
import { KEYCHAIN_NOT_READY } from '../core/vault/os-encryption';

type AsyncSafeStorage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * Which keychain safeStorage uses. Only Linux has a choice, and only Linux has getSelectedStorageBackend
 * (Electron binds it under IS_LINUX): 'basic_text' there means a hard-coded key, i.e. no protection, and
 * 'unknown' means it could not be told (before 'ready'), which is judged the same way.
 */
export function storageBackendName(safeStorage: Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>, platform: NodeJS.Platform): string {
  if (platform === 'linux') return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return 'unknown';
}

/** Electron 45's message when the key provider (e.g. a locked GNOME keyring) cannot answer yet. */
const TEMPORARILY_UNAVAILABLE = /temporarily unavailable/iu;
/** Waits before trying a decryption the keychain could not do yet; then the vault says "not ready". */
export const NOT_READY_RETRY_DELAYS_MS = [1_000, 3_000] as const;

export class KeychainNotReadyError extends Error {
  override readonly name = 'KeychainNotReadyError';
  readonly code = KEYCHAIN_NOT_READY;
}

export interface SafeStorageEncryption extends OsEncryption {
  /** True once a decryption said the data should be encrypted again (the key was rotated or got stronger). */
  reEncryptWanted(): boolean;
}

/**
 * Electron safeStorage as the vault's OsEncryption port, on the asynchronous API only (the synchronous one is
 * deprecated in Electron 45). Call after app 'ready'. The backend is read once the async encryptor answered.
 */
export async function safeStorageEncryption(
  safeStorage: AsyncSafeStorage,
  platform: NodeJS.Platform,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<SafeStorageEncryption> {
  let available = false;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  const backend = storageBackendName(safeStorage, platform);
  let reEncrypt = false;

  const decrypt = async (data: Uint8Array): Promise<string> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data));
        if (shouldReEncrypt) reEncrypt = true;
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!TEMPORARILY_UNAVAILABLE.test(message)) throw error;
        const delay = NOT_READY_RETRY_DELAYS_MS[attempt];
        if (delay === undefined) throw new KeychainNotReadyError(message);
        await sleep(delay);
      }
    }
  };

  return {
    isAvailable: () => available && backend !== 'unknown',
    backend: () => backend,
    encryptString: async (text) => new Uint8Array(await safeStorage.encryptStringAsync(text)),
    decryptString: decrypt,
    reEncryptWanted: () => reEncrypt,
  };
}
