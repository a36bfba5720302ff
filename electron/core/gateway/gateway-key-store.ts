/**
 * Where gateway keys are kept between runs. Only digests (see gateway-key.ts) and the account each opens:
 * a copy of the stored keys gives no usable key. The file implementation is in file-gateway-key-store.ts.
 */

export interface StoredGatewayKey {
  accountId: string;
  /** SHA-256 of the key, base64url. */
  digest: string;
  /** Wall-clock ms when the key was issued. */
  createdAt: number;
}

export interface GatewayKeyStore {
  load(): Promise<StoredGatewayKey[]>;
  /** Replaces every stored key with these. */
  save(keys: readonly StoredGatewayKey[]): Promise<void>;
}

/** Keys in memory: for tests, the browser harness and the demo. */
export class InMemoryGatewayKeyStore implements GatewayKeyStore {
  private keys: StoredGatewayKey[] = [];
  saves = 0;

  load(): Promise<StoredGatewayKey[]> {
    return Promise.resolve(this.keys.map((key) => ({ ...key })));
  }

  save(keys: readonly StoredGatewayKey[]): Promise<void> {
    this.keys = keys.map((key) => ({ ...key }));
    this.saves += 1;
    return Promise.resolve();
  }
}
