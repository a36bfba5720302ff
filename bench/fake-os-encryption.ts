import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { OsEncryption } from '../electron/core/vault';

/**
 * Stands in for Electron safeStorage on a machine without a keyring: real AES-256-GCM under a key held in
 * memory. Only the vault's data key goes through it (once per open), so it is not on any measured hot path.
 */
export class BenchOsEncryption implements OsEncryption {
  readonly #key: Buffer;

  /** `key`: to open, in a child process, a vault the bench made (figure 12). */
  constructor(key: Buffer = randomBytes(32)) {
    this.#key = key;
  }

  /** The in-memory key, as hex, for a child process that must open the same vault. */
  keyHex(): string {
    return this.#key.toString('hex');
  }

  isAvailable(): boolean {
    return true;
  }

  backend(): string {
    return 'bench_in_memory_aes';
  }

  encryptString(text: string): Promise<Uint8Array> {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([nonce, body, cipher.getAuthTag()]));
  }

  decryptString(data: Uint8Array): Promise<string> {
    const bytes = Buffer.from(data);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Promise.resolve(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8'));
  }
}
