import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';

const SHA256_BLOCK = 64;

/**
 * HMAC-SHA256 (RFC 2104) over a stream that keeps growing: `tag()` is the HMAC of everything fed so far, and
 * feeding continues afterwards. Node's Hmac cannot be copied, its Hash can, so the two pads are applied here.
 * The vault's chain tags use it: each line's tag covers the whole file up to that line, at the cost of hashing
 * only the new bytes.
 */
export class RunningMac {
  private constructor(
    private readonly inner: Hash,
    private readonly outerPad: Buffer,
  ) {}

  static start(key: Buffer): RunningMac {
    if (key.length > SHA256_BLOCK) throw new Error('RunningMac: keys longer than one block are not supported');
    const innerPad = Buffer.alloc(SHA256_BLOCK, 0x36);
    const outerPad = Buffer.alloc(SHA256_BLOCK, 0x5c);
    for (let index = 0; index < key.length; index += 1) {
      innerPad[index] = 0x36 ^ (key[index] ?? 0);
      outerPad[index] = 0x5c ^ (key[index] ?? 0);
    }
    return new RunningMac(createHash('sha256').update(innerPad), outerPad);
  }

  update(data: Uint8Array | string): this {
    if (typeof data === 'string') this.inner.update(data, 'utf8');
    else this.inner.update(data);
    return this;
  }

  /** The HMAC of every byte fed so far. */
  tag(): Buffer {
    const innerDigest = this.inner.copy().digest();
    return createHash('sha256').update(this.outerPad).update(innerDigest).digest();
  }

  /** An independent copy: feeding it does not change this one (a batch is prepared on a copy until it is durable). */
  copy(): RunningMac {
    return new RunningMac(this.inner.copy(), this.outerPad);
  }
}
