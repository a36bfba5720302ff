import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { OsEncryption } from '../../electron/core/vault';

/**
 * Stands in for the OS keychain in the harness, so the real vault opens without a passphrase as it does on a
 * desktop with a keyring. The key lives only in this process: test and development use only.
 */
export function createTestOsEncryption(): OsEncryption {
  const key = randomBytes(32);
  return {
    isAvailable: () => true,
    backend: () => 'harness-test-keychain',
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Promise.resolve(new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body])));
    },
    decryptString(data) {
      const bytes = Buffer.from(data);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Promise.resolve(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
    },
  };
}
