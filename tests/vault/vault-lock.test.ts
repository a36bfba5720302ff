import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { VaultState } from '../../electron/core/vault/index';
import { newDataKey } from '../../electron/core/vault/secret-box';
import type { VaultStore } from '../../electron/core/vault/vault-store';
import { fileVaultStore } from '../../electron/core/vault/vault-store';
import { VaultContents } from '../../electron/core/vault/vault-contents';
import { FakeOsEncryption, PASSPHRASE, confStore, inTempDirectory, leakedSecrets, openTestVault, openWithPassphrase, sampleRecord, sampleSecrets, secretValues } from './support';
import { vaultShape } from './vault-file';

/** A keychain whose next encryption waits until the test releases it. */
class GatedOsEncryption extends FakeOsEncryption {
  #gate: Promise<void> | null = null;
  #started: (() => void) | null = null;

  holdNextEncryption(): { started: Promise<void>; release(): void } {
    let release = (): void => undefined;
    this.#gate = new Promise((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (this.#started = resolve));
    return { started, release };
  }

  override async encryptString(text: string): Promise<Uint8Array> {
    const gate = this.#gate;
    this.#gate = null;
    if (gate !== null) {
      this.#started?.();
      await gate;
    }
    return super.encryptString(text);
  }
}

/** The vault file, whose next whole-file replacement waits until the test releases it. */
function gatedStore(directory: string): VaultStore & { holdNextReplace(): { started: Promise<void>; release(): void } } {
  const inner = fileVaultStore(confStore(directory).path);
  let gate: { started: () => void; released: Promise<void> } | null = null;
  return {
    path: inner.path,
    get writeCount() {
      return inner.writeCount;
    },
    get bytesWritten() {
      return inner.bytesWritten;
    },
    read: () => inner.read(),
    append: (text, offset) => inner.append(text, offset),
    keepAside: (label, now) => inner.keepAside(label, now),
    removeInterruptedWrites: () => inner.removeInterruptedWrites(),
    close: () => inner.close(),
    async replace(text) {
      const held = gate;
      gate = null;
      if (held !== null) {
        held.started();
        await held.released;
      }
      await inner.replace(text);
    },
    holdNextReplace() {
      let release = (): void => undefined;
      let started = (): void => undefined;
      const startedPromise = new Promise<void>((resolve) => (started = resolve));
      gate = { started, released: new Promise((resolve) => (release = resolve)) };
      return { started: startedPromise, release };
    },
  };
}

describe('locking the vault', () => {
  it('drops the key: reads and saves reject with vault-locked until unlock(passphrase) restores them', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      const record = sampleRecord();
      const secrets = sampleSecrets();
      await vault.storage.save(record, secrets);
      const states: VaultState[] = [];
      vault.onStateChange((state) => states.push(state));

      assert.equal(vault.canLock(), true);
      vault.lock();
      assert.deepEqual(vault.state(), { state: 'locked', protection: 'passphrase', reason: vault.state().reason, keptAsidePath: null });
      assert.match(vault.state().reason ?? '', /locked: enter your passphrase/u);
      assert.deepEqual(
        states.map((state) => state.state),
        ['locked'],
        'listeners (the app session) hear of the lock at once',
      );
      assert.equal(vault.canLock(), false);
      vault.lock(); // locking a locked vault is harmless

      await assert.rejects(vault.storage.readSecrets(record.id), { name: 'AppError', code: 'vault-locked' });
      await assert.rejects(vault.storage.loadRecords(), { code: 'vault-locked' });
      await assert.rejects(vault.storage.save(record, sampleSecrets()), { code: 'vault-locked' }, 'secrets cannot be saved');
      await assert.rejects(vault.storage.save({ ...record, lastUsedAt: 1_700_000_900_000 }), { code: 'vault-locked' }, 'nor records alone');
      await assert.rejects(vault.changePassphrase(PASSPHRASE, 'a brand new passphrase 42'), { code: 'vault-locked' });

      await assert.rejects(vault.unlock('not the passphrase at all'), { code: 'invalid-input', field: 'passphrase' });
      assert.equal(vault.state().state, 'locked');
      await vault.unlock(PASSPHRASE);
      assert.equal(vault.state().state, 'open');
      assert.deepEqual(await vault.storage.readSecrets(record.id), secrets);
      await vault.storage.save({ ...record, label: 'After the lock' });
      assert.deepEqual(
        (await vault.storage.loadRecords()).map((stored) => stored.label),
        ['After the lock'],
      );
      await vault.close();
    });
  });

  it('still writes the saves accepted before the lock, sealed, without the key', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      const record = sampleRecord();
      const secrets = sampleSecrets();
      const saving = vault.storage.save(record, secrets);
      vault.lock();
      await saving;
      await vault.flush();
      const text = await readFile(vault.path, 'utf8');
      assert.ok(text.includes(record.id), 'the account reached the disk');
      assert.deepEqual(leakedSecrets(text, secretValues(secrets)), []);
      await vault.close();

      const reopened = await openTestVault(dir.path);
      await reopened.unlock(PASSPHRASE);
      assert.deepEqual(await reopened.storage.readSecrets(record.id), secrets);
      await reopened.close();
    });
  });

  it('does not let a passphrase change under way finish after a lock', async () => {
    await inTempDirectory(async (dir) => {
      const os = new GatedOsEncryption();
      const vault = await openTestVault(dir.path, { osEncryption: os });
      await vault.addPassphrase(PASSPHRASE);
      const record = sampleRecord();
      const secrets = sampleSecrets();
      await vault.storage.save(record, secrets);
      const before = await readFile(vault.path, 'utf8');

      const wrapping = os.holdNextEncryption();
      const changing = vault.changePassphrase(PASSPHRASE, 'a brand new passphrase 42');
      await wrapping.started; // the new key is being wrapped: the change is past every check
      vault.lock();
      wrapping.release();
      await assert.rejects(changing, { code: 'vault-locked' });
      assert.equal(vault.state().state, 'locked');
      assert.equal(await readFile(vault.path, 'utf8'), before, 'nothing written');
      await vault.unlock(PASSPHRASE);
      assert.deepEqual(await vault.storage.readSecrets(record.id), secrets, 'nothing lost, the old passphrase still opens it');
      await vault.close();
    });
  });

  it('undoes a passphrase change whose rewrite is being written when the lock comes: the old passphrase still opens it', async () => {
    await inTempDirectory(async (dir) => {
      const store = gatedStore(dir.path);
      const vault = await openWithPassphrase(dir.path, { store });
      const record = sampleRecord();
      const secrets = sampleSecrets();
      await vault.storage.save(record, secrets);

      const rewrite = store.holdNextReplace();
      const changing = vault.changePassphrase(PASSPHRASE, 'a brand new passphrase 42');
      await rewrite.started; // the file under the new key is being written
      vault.lock();
      rewrite.release();
      await assert.rejects(changing, { code: 'vault-locked' });
      assert.deepEqual([vault.state().state, vault.state().protection], ['locked', 'passphrase']);
      await assert.rejects(vault.unlock('a brand new passphrase 42'), { code: 'invalid-input', field: 'passphrase' });
      await vault.unlock(PASSPHRASE);
      assert.deepEqual(await vault.storage.readSecrets(record.id), secrets, 'nothing lost');
      await vault.close();

      const reopened = await openTestVault(dir.path);
      await reopened.unlock(PASSPHRASE);
      assert.deepEqual(await reopened.storage.readSecrets(record.id), secrets);
      await reopened.close();
    });
  });

  it('does not let a switch to the keychain under way finish after a lock', async () => {
    await inTempDirectory(async (dir) => {
      const os = new GatedOsEncryption();
      const vault = await openTestVault(dir.path, { osEncryption: os });
      await vault.createWithPassphrase(PASSPHRASE);
      assert.equal(vault.state().protection, 'passphrase');
      const wrapping = os.holdNextEncryption();
      const switching = vault.createWithOsKeychain();
      await wrapping.started;
      vault.lock();
      wrapping.release();
      await assert.rejects(switching, { code: 'vault-locked' });
      assert.deepEqual([vault.state().state, vault.state().protection], ['locked', 'passphrase']);
      await vault.unlock(PASSPHRASE);
      await vault.close();
    });
  });

  it('zero-fills the key buffer of the contents it drops (what lock() calls)', () => {
    const key = newDataKey();
    const contents = new VaultContents(key, { kind: 'passphrase', kdf: { name: 'scrypt', N: 1024, r: 8, p: 1, salt: 'AAAA' }, sealedKey: 'x' }, new Map());
    contents.put(sampleRecord(), sampleSecrets());
    assert.ok(key.some((byte) => byte !== 0));
    contents.destroy();
    assert.ok(key.every((byte) => byte === 0));
    assert.deepEqual(contents.records(), []);
  });

  it('cannot lock a vault protected by the keychain alone (nothing could unlock it)', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openTestVault(dir.path, { osEncryption: new FakeOsEncryption() });
      assert.equal(vault.state().protection, 'os-keychain');
      assert.equal(vault.canLock(), false);
      assert.throws(() => vault.lock(), { code: 'invalid-input', message: /no passphrase.*add a passphrase/u });
      assert.equal(vault.state().state, 'open');
      await vault.close();
    });
  });
});

describe('protection "OS keychain + passphrase"', () => {
  it('opens with the keychain at start without a prompt, and needs the passphrase after a lock', async () => {
    await inTempDirectory(async (dir) => {
      const os = new FakeOsEncryption();
      const vault = await openTestVault(dir.path, { osEncryption: os });
      const record = sampleRecord();
      const secrets = sampleSecrets();
      await vault.storage.save(record, secrets);
      const sealedBefore = await vaultShape(vault.path);
      assert.equal(vault.canLock(), false, 'a keychain-only vault cannot be locked');
      const heard: Array<{ protection: string; canLock: boolean }> = [];
      vault.onStateChange((state) => heard.push({ protection: state.protection, canLock: vault.canLock() }));

      const added = await vault.addPassphrase(PASSPHRASE);
      assert.deepEqual(heard, [{ protection: 'os-keychain-and-passphrase', canLock: true }], 'listeners (menu, tray) hear that Lock became possible');
      assert.equal(added.protection, 'os-keychain-and-passphrase');
      assert.equal(added.state, 'open');
      const file = await vaultShape(vault.path);
      const key = file.key as { kind: string; keychain: { blob: string }; passphrase: { kdf: { N: number } } };
      assert.equal(key.kind, 'os-keychain-and-passphrase');
      assert.ok(key.keychain.blob.length > 0 && key.passphrase.kdf.N > 0, 'the key is wrapped twice');
      assert.deepEqual(file.accounts, sealedBefore.accounts, 'adding a passphrase keeps the key: nothing re-sealed');
      await assert.rejects(vault.addPassphrase('another passphrase nobody guesses'), { code: 'invalid-input', field: 'passphrase' });
      await vault.close();

      const started = await openTestVault(dir.path, { osEncryption: os });
      assert.deepEqual(started.state(), { state: 'open', protection: 'os-keychain-and-passphrase', reason: null, keptAsidePath: null }, 'no prompt at start');
      assert.deepEqual(await started.storage.readSecrets(record.id), secrets);
      assert.equal(started.canLock(), true);
      started.lock();
      assert.equal(started.state().state, 'locked');
      assert.equal(started.state().protection, 'os-keychain-and-passphrase');
      await assert.rejects(started.storage.readSecrets(record.id), { code: 'vault-locked' });
      await assert.rejects(started.unlock('not the passphrase at all'), { code: 'invalid-input' });
      await started.unlock(PASSPHRASE);
      assert.deepEqual(await started.storage.readSecrets(record.id), secrets);
      await started.close();
    });
  });

  it('asks for the passphrase at start when the keychain is unavailable or refuses, instead of calling the vault damaged', async () => {
    await inTempDirectory(async (dir) => {
      const os = new FakeOsEncryption();
      const vault = await openTestVault(dir.path, { osEncryption: os });
      const record = sampleRecord();
      const secrets = sampleSecrets();
      await vault.storage.save(record, secrets);
      await vault.addPassphrase(PASSPHRASE);
      await vault.close();

      for (const other of [undefined, new FakeOsEncryption('gnome_libsecret', false), new FakeOsEncryption()]) {
        const reopened = await openTestVault(dir.path, { osEncryption: other });
        assert.equal(reopened.state().state, 'locked');
        assert.match(reopened.state().reason ?? '', /enter your passphrase/u);
        await reopened.unlock(PASSPHRASE);
        assert.deepEqual(await reopened.storage.readSecrets(record.id), secrets);
        await reopened.close();
      }
    });
  });
});
