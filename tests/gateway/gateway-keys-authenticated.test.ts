import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { FileGatewayKeyStore, gatewayKeysFilePath } from '../../electron/core/gateway/file-gateway-key-store';
import { gatewayKeyDigest, newGatewayKey } from '../../electron/core/gateway/gateway-key';
import { GatewayKeys } from '../../electron/core/gateway/gateway-keys';
import type { VaultHandle } from '../../electron/core/vault/index';
import { PASSPHRASE, inTempDirectory, openTestVault, openWithPassphrase } from '../vault/support';

/**
 * gateway-keys.json can be edited by any process of the user: a digest added to it must not open an account.
 * The file carries a tag made with a key from the open vault; a file whose tag fails opens no key.
 */

const ACCOUNT = 'account-one-0001';
const OTHER_ACCOUNT = 'account-two-0002';

function keysOf(directory: string, vault: VaultHandle): GatewayKeys {
  return new GatewayKeys(new FileGatewayKeyStore(gatewayKeysFilePath(directory), (purpose) => vault.authenticator(purpose)));
}

async function editKeyFile(directory: string, edit: (file: { v: number; keys: unknown[]; tag?: string }) => void): Promise<void> {
  const path = gatewayKeysFilePath(directory);
  const file = JSON.parse(await readFile(path, 'utf8')) as { v: number; keys: unknown[]; tag?: string };
  edit(file);
  await writeFile(path, JSON.stringify(file), { mode: 0o600 });
}

test('a signed key file opens its keys again after a restart', async () => {
  await inTempDirectory(async ({ path }) => {
    const vault = await openWithPassphrase(path);
    const issued = await keysOf(path, vault).issue(ACCOUNT);
    const reloaded = keysOf(path, vault);
    await reloaded.load();
    assert.equal(reloaded.accountFor(issued), ACCOUNT);
    await vault.close();
  });
});

test('a digest added to the key file without a valid tag opens nothing', async () => {
  await inTempDirectory(async ({ path }) => {
    const vault = await openWithPassphrase(path);
    const issued = await keysOf(path, vault).issue(ACCOUNT);
    const mine = newGatewayKey();
    await editKeyFile(path, (file) => file.keys.push({ accountId: OTHER_ACCOUNT, digest: gatewayKeyDigest(mine), createdAt: 1 }));
    const reloaded = keysOf(path, vault);
    await reloaded.load();
    assert.equal(reloaded.accountFor(mine), null, 'the added key opens no account');
    assert.equal(reloaded.accountFor(issued), null, 'a file that fails its tag opens no key at all');
    assert.deepEqual(reloaded.accountsWithKey(), []);
    await vault.close();
  });
});

test('a key file without a tag (written before it, or by another process) opens nothing', async () => {
  await inTempDirectory(async ({ path }) => {
    const vault = await openWithPassphrase(path);
    const mine = newGatewayKey();
    await writeFile(gatewayKeysFilePath(path), JSON.stringify({ v: 1, keys: [{ accountId: ACCOUNT, digest: gatewayKeyDigest(mine), createdAt: 1 }] }), { mode: 0o600 });
    const keys = keysOf(path, vault);
    await keys.load();
    assert.equal(keys.accountFor(mine), null);
    await vault.close();
  });
});

test('the key file is not read while the vault is locked, and a passphrase change signs it again', async () => {
  await inTempDirectory(async ({ path }) => {
    const vault = await openWithPassphrase(path);
    const keys = keysOf(path, vault);
    const issued = await keys.issue(ACCOUNT);
    vault.lock();
    await assert.rejects(new FileGatewayKeyStore(gatewayKeysFilePath(path), (purpose) => vault.authenticator(purpose)).load(), { code: 'vault-locked' });
    await vault.unlock(PASSPHRASE);
    await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase 42');
    await keys.saveAgain();
    await vault.close();

    const vaultAgain = await openTestVault(path);
    await vaultAgain.unlock('a brand new passphrase 42');
    const reloaded = keysOf(path, vaultAgain);
    await reloaded.load();
    assert.equal(reloaded.accountFor(issued), ACCOUNT);
    await vaultAgain.close();
  });
});
