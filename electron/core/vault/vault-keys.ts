import { createSecretKey, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

const KEY_LENGTH = 32;

function subkeyBytes(dataKey: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `winbooks-token-manager-vault v2 ${label}`, KEY_LENGTH));
}

/**
 * Node checks a raw key on every cipher or HMAC it makes (about 12 µs, most of a seal's cost); a KeyObject skips
 * that. Its native copy cannot be wiped from JavaScript: it is dropped on destroy and Node clears it when freed.
 */
function subkeyObject(dataKey: Buffer, label: string): KeyObject {
  const bytes = subkeyBytes(dataKey, label);
  const key = createSecretKey(bytes);
  bytes.fill(0);
  return key;
}

/**
 * The keys of one vault, each derived from the data key with HKDF-SHA256 under its own label, so no key serves
 * two algorithms: secrets are sealed with `seal` (AES-256-GCM), every line of the file carries a MAC under
 * `line` (it stands alone: a tampered line is pinned to its account) and a chain tag under `chain` (it covers
 * the whole file up to that line: one pass verifies a file nobody touched). After `destroy` every use throws.
 */
export class VaultKeys {
  #seal: KeyObject | null;
  #line: KeyObject | null;
  /** Raw bytes: the chain MAC applies the HMAC pads itself (running-mac.ts). Zero-filled on destroy. */
  #chain: Buffer | null;

  constructor(dataKey: Buffer) {
    this.#seal = subkeyObject(dataKey, 'secrets');
    this.#line = subkeyObject(dataKey, 'line mac');
    this.#chain = subkeyBytes(dataKey, 'chain mac');
  }

  get seal(): KeyObject {
    return this.#seal ?? destroyed();
  }

  get line(): KeyObject {
    return this.#line ?? destroyed();
  }

  get chain(): Buffer {
    return this.#chain ?? destroyed();
  }

  destroy(): void {
    this.#chain?.fill(0);
    this.#seal = null;
    this.#line = null;
    this.#chain = null;
  }
}

function destroyed(): never {
  throw new Error('The vault keys were used after the vault forgot them.');
}

export function deriveVaultKeys(dataKey: Buffer): VaultKeys {
  return new VaultKeys(dataKey);
}

/** The key authenticating a file kept outside the vault for one purpose ('settings', 'gateway keys'). */
export function deriveFileAuthenticationKey(dataKey: Buffer, purpose: string): Buffer {
  return subkeyBytes(dataKey, `file mac ${purpose}`);
}

export function destroyVaultKeys(keys: VaultKeys): void {
  keys.destroy();
}
