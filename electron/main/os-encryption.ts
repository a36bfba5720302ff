import type { SafeStorage } from 'electron';
import type { OsEncryption } from '../core/vault/os-encryption';

/** Which keychain safeStorage uses: only Linux has a choice, and 'basic_text' there means no protection. */
export function storageBackendName(safeStorage: Pick<SafeStorage, 'getSelectedStorageBackend'>, platform: NodeJS.Platform): string {
  if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return 'unknown';
}

/** Electron safeStorage as the vault's OsEncryption port (asynchronous API). Call after app 'ready'. */
export async function safeStorageEncryption(
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'>,
  platform: NodeJS.Platform,
): Promise<OsEncryption> {
  let available = false;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  const backend = storageBackendName(safeStorage, platform);
  return {
    isAvailable: () => available,
    backend: () => backend,
    encryptString: async (text) => new Uint8Array(await safeStorage.encryptStringAsync(text)),
    decryptString: async (data) => (await safeStorage.decryptStringAsync(Buffer.from(data))).result,
  };
}
