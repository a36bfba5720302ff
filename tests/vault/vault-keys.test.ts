import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { open, seal } from '../../electron/core/vault/secret-box';
import { deriveVaultKeys } from '../../electron/core/vault/vault-keys';

describe('vault keys', () => {
  it('seal under the KeyObject and open under the same bytes (the raw subkey): one key, two forms', () => {
    const dataKey = randomBytes(32);
    const keys = deriveVaultKeys(dataKey);
    const sealed = seal(keys.seal, 'secret', 'context');
    const raw = keys.seal.export();
    assert.equal(open(raw, sealed, 'context'), 'secret');
    assert.throws(() => open(deriveVaultKeys(randomBytes(32)).seal, sealed, 'context'), /authentication failed/u);
  });

  it('each purpose gets its own key', () => {
    const keys = deriveVaultKeys(randomBytes(32));
    const line = keys.line.export();
    assert.notDeepEqual(keys.seal.export(), line);
    assert.notDeepEqual(keys.chain, line);
  });

  it('after destroy, the chain key bytes are zero and every key refuses to be used', () => {
    const keys = deriveVaultKeys(randomBytes(32));
    const chain = keys.chain;
    keys.destroy();
    assert.ok(chain.every((byte) => byte === 0));
    assert.throws(() => keys.seal, /used after the vault forgot them/u);
    assert.throws(() => keys.line, /used after the vault forgot them/u);
    assert.throws(() => keys.chain, /used after the vault forgot them/u);
  });
});
