import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSPHRASE, inTempDirectory, openTestVault, openWithPassphrase } from './support';

/** The vault signs files kept outside it (preferences, gateway keys) with keys derived from its data key. */

const BYTES = Buffer.from('["cliEnabled",true]');

test('an authenticator exists only while the vault is open, one per purpose, and a re-key replaces it', async () => {
  await inTempDirectory(async ({ path }) => {
    const vault = await openWithPassphrase(path);
    const settings = vault.authenticator('settings widening');
    assert.ok(settings !== null);
    const tag = settings.sign(BYTES);
    assert.ok(settings.verify(BYTES, tag));
    assert.equal(settings.verify(Buffer.from('["cliEnabled",false]'), tag), false);
    assert.equal(vault.authenticator('gateway keys')?.verify(BYTES, tag), false, 'another purpose, another key');

    vault.lock();
    assert.equal(vault.authenticator('settings widening'), null);
    await vault.unlock(PASSPHRASE);
    assert.ok(vault.authenticator('settings widening')?.verify(BYTES, tag), 'the same data key after unlock');

    await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase 42');
    assert.equal(vault.authenticator('settings widening')?.verify(BYTES, tag), false, 'a re-key changes the data key');
    await vault.close();

    const other = await openTestVault(path);
    assert.equal(other.authenticator('settings widening'), null, 'locked after a restart');
    await other.close();
  });
});
