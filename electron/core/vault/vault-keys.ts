import { hkdfSync } from 'node:crypto';

/**
 * The keys of one vault, each derived from the data key with HKDF-SHA256 under its own label, so no key serves
 * two algorithms: secrets are sealed with `seal` (AES-256-GCM), every line of the file carries a MAC under
 * `line` (it stands alone: a tampered line is pinned to its account) and a chain tag under `chain` (it covers
 * the whole file up to that line: one pass verifies a file nobody touched).
 */
export interface VaultKeys {
  readonly seal: Buffer;
  readonly line: Buffer;
  readonly chain: Buffer;
}

const KEY_LENGTH = 32;

function subkey(dataKey: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `winbooks-token-manager-vault v2 ${label}`, KEY_LENGTH));
}

export function deriveVaultKeys(dataKey: Buffer): VaultKeys {
  return { seal: subkey(dataKey, 'secrets'), line: subkey(dataKey, 'line mac'), chain: subkey(dataKey, 'chain mac') };
}

/** The key authenticating a file kept outside the vault for one purpose ('settings', 'gateway keys'). */
export function deriveFileAuthenticationKey(dataKey: Buffer, purpose: string): Buffer {
  return subkey(dataKey, `file mac ${purpose}`);
}

export function destroyVaultKeys(keys: VaultKeys): void {
  keys.seal.fill(0);
  keys.line.fill(0);
  keys.chain.fill(0);
}
