import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppSession } from '../../electron/core/app/app-session';
import { invokeOperation } from '../../electron/core/app/invoke-operation';
import type { VaultHandle } from '../../electron/core/vault';
import type { AppApi } from '../../electron/shared/ipc-contract';
import { FakeOsEncryption, PASSPHRASE, openTestVault, tempDirectory } from '../vault/support';
import { startAppThroughMain } from '../support/app-services-fixture';

/**
 * Issue 10, Lock: a vault protected by the system keychain alone is offered a passphrase on top of it, through
 * the operation path ipcMain runs, so that it can be locked (and unlocked with that passphrase).
 */

let dir: { path: string; remove(): Promise<void> };
let vault: VaultHandle;
let session: AppSession;
let api: AppApi;

before(async () => {
  dir = await tempDirectory();
  vault = await openTestVault(dir.path, { osEncryption: new FakeOsEncryption() });
  ({ session, api } = await startAppThroughMain({ vault }));
});

after(async () => {
  await session.shutdown();
  await vault.close();
  await dir.remove();
});

describe('adding a passphrase on top of the system keychain', () => {
  test('a keychain-only vault cannot be locked', async () => {
    assert.equal(vault.state().protection, 'os-keychain');
    assert.equal(session.canLock(), false);
    const refused = await invokeOperation(api, 'lockVault', undefined);
    assert.equal(refused.ok, false);
    assert.equal(vault.state().state, 'open');
  });

  test('a weak passphrase is refused by the contract and nothing changes', async () => {
    const refused = await invokeOperation(api, 'addPassphrase', { passphrase: 'short' });
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.equal(refused.error.code, 'invalid-input');
    assert.equal(vault.state().protection, 'os-keychain');
  });

  test('adds the passphrase: protection becomes keychain + passphrase and Lock becomes available', async () => {
    const added = await invokeOperation(api, 'addPassphrase', { passphrase: PASSPHRASE });
    assert.deepEqual(added, { ok: true, value: { state: 'open', protection: 'os-keychain-and-passphrase', reason: null, keptAsidePath: null } });
    assert.equal(session.canLock(), true);
  });

  test('a second add is refused: the passphrase is changed instead', async () => {
    const again = await invokeOperation(api, 'addPassphrase', { passphrase: 'another passphrase nobody guesses' });
    assert.equal(again.ok, false);
    assert.equal(vault.state().protection, 'os-keychain-and-passphrase');
  });

  test('the vault passphrase can be checked again (the export confirmation asks for it)', async () => {
    await session.verifyPassphrase(PASSPHRASE);
    await assert.rejects(session.verifyPassphrase('not the passphrase of this vault'), { code: 'invalid-input', field: 'passphrase' });
  });

  test('locks, then unlocks with the added passphrase', async () => {
    const locked = await invokeOperation(api, 'lockVault', undefined);
    assert.equal(locked.ok, true);
    if (locked.ok) assert.equal(locked.value.state, 'locked');
    assert.equal(vault.state().state, 'locked');
    const refused = await invokeOperation(api, 'unlockVault', { passphrase: 'not the passphrase of this vault' });
    assert.equal(refused.ok, false);
    assert.equal(vault.state().state, 'locked', 'only the added passphrase opens it');
    const unlocked = await invokeOperation(api, 'unlockVault', { passphrase: PASSPHRASE });
    assert.deepEqual(unlocked, { ok: true, value: { state: 'open', protection: 'os-keychain-and-passphrase', reason: null, keptAsidePath: null } });
  });
});
