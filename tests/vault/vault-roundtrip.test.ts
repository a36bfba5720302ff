import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { vaultStateSchema } from '../../electron/shared/ipc-contract';
import { assessKeychain } from '../../electron/core/vault/index';
import { FakeOsEncryption, PASSPHRASE, fileText, leakedSecrets, openTestVault, secretValues, openWithPassphrase, sampleRecord, sampleSecrets, inTempDirectory, tempDirectory } from './support';

describe('vault round trip', () => {
  let dir: { path: string; remove(): Promise<void> };
  before(async () => {
    dir = await tempDirectory();
  });
  after(async () => {
    await dir.remove();
  });

  it('keeps records and secrets across a close and a reopen with the passphrase, and never writes a secret in clear', async () => {
    const vault = await openWithPassphrase(dir.path);
    const first = sampleRecord({ lastError: { code: 'winbooks-unreachable', message: 'Winbooks did not answer.' } });
    const second = sampleRecord({ accessExpiresAt: 1_700_000_900_000, accessIssuedAt: 1_700_000_000_000 });
    const firstSecrets = sampleSecrets();
    const secondSecrets = { ...sampleSecrets(), refreshToken: null, accessToken: null };
    await vault.storage.save(first, firstSecrets);
    await vault.storage.save(second, secondSecrets);
    // A later save with only a rotated refresh token keeps the other stored secrets.
    const rotated = `TGe0!ROT-${Date.now()}-rotated-refresh`;
    await vault.storage.save({ ...first, lastRefreshAt: 1_700_000_500_000 }, { refreshToken: rotated });
    await vault.close();

    const reopened = await openTestVault(dir.path);
    assert.equal(reopened.state().state, 'locked');
    assert.equal(reopened.state().protection, 'passphrase');
    await assert.rejects(reopened.storage.loadRecords(), { name: 'AppError', code: 'vault-locked' });
    await reopened.unlock(PASSPHRASE);
    const records = await reopened.storage.loadRecords();
    assert.deepEqual(
      records.map((record) => record.id),
      [first.id, second.id],
    );
    assert.deepEqual(records[0], { ...first, lastRefreshAt: 1_700_000_500_000 });
    assert.deepEqual(records[1], second);
    assert.deepEqual(await reopened.storage.readSecrets(first.id), { ...firstSecrets, refreshToken: rotated });
    assert.deepEqual(await reopened.storage.readSecrets(second.id), secondSecrets);

    await reopened.storage.remove(second.id);
    await reopened.close();
    const text = await fileText(reopened.path);
    assert.deepEqual(leakedSecrets(text, [...secretValues(firstSecrets, secondSecrets), rotated]), []);
    assert.ok(text.includes(first.email), 'metadata stays readable in clear');
    assert.ok(!text.includes(second.email), 'a removed account is gone from the file');
    assert.equal((await stat(reopened.path)).mode & 0o777, 0o600);
  });

  it('rejects reading an unknown account with a clear error', async () => {
    const vault = await openWithPassphrase(dir.path);
    await assert.rejects(vault.storage.readSecrets('no-such-account'), { code: 'unknown-account' });
    await assert.rejects(vault.storage.save(sampleRecord(), { refreshToken: 'x' }), { name: 'AppError', message: /without its exchange token/u });
    await vault.close();
  });
});

describe('vault protected by the OS keychain', () => {
  it('creates itself at once with a strong keychain, reopens without a passphrase, and switches to a passphrase on request', async () => {
    await inTempDirectory(async (dir) => {
      const os = new FakeOsEncryption('gnome_libsecret');
      const vault = await openTestVault(dir.path, { osEncryption: os });
      assert.deepEqual(vault.state(), { state: 'open', protection: 'os-keychain', reason: null, keptAsidePath: null });
      const record = sampleRecord();
      const secrets = sampleSecrets();
      await vault.storage.save(record, secrets);
      await vault.close();

      const again = await openTestVault(dir.path, { osEncryption: os });
      assert.equal(again.state().state, 'open');
      assert.deepEqual(await again.storage.readSecrets(record.id), secrets);
      await again.createWithPassphrase(PASSPHRASE);
      assert.equal(again.state().protection, 'passphrase');
      await again.close();

      const third = await openTestVault(dir.path, { osEncryption: os });
      assert.equal(third.state().state, 'locked');
      await third.unlock(PASSPHRASE);
      assert.deepEqual(await third.storage.readSecrets(record.id), secrets);
      await third.close();
    });
  });

  it('stays locked, without touching the file, when the keychain that protects the key is not available now', async () => {
    await inTempDirectory(async (dir) => {
      const made = await openTestVault(dir.path, { osEncryption: new FakeOsEncryption('kwallet5') });
      await made.storage.save(sampleRecord(), sampleSecrets());
      await made.close();
      const before = await fileText(made.path);
      const vault = await openTestVault(dir.path, { osEncryption: new FakeOsEncryption('kwallet5', false) });
      assert.equal(vault.state().state, 'locked');
      assert.equal(vault.state().protection, 'os-keychain');
      assert.match(vault.state().reason ?? '', /system keychain, which is not available right now/u);
      await assert.rejects(vault.unlock(PASSPHRASE), { code: 'vault-locked', message: /A passphrase cannot open it/u });
      await vault.close();
      assert.equal(await fileText(made.path), before);
      assert.equal(vault.writeCount, 0);
    });
  });

  it('asks for a passphrase, saying why, when the keychain is basic_text or unavailable', async () => {
    for (const os of [new FakeOsEncryption('basic_text'), new FakeOsEncryption('gnome_libsecret', false), undefined]) {
      const dir = await tempDirectory();
      try {
        const vault = await openTestVault(dir.path, os === undefined ? {} : { osEncryption: os });
        const state = vaultStateSchema.parse(vault.state());
        assert.equal(state.state, 'setup');
        assert.equal(state.protection, 'none-yet');
        assert.match(state.reason ?? '', /passphrase you choose/u);
        assert.equal(os?.encryptCalls ?? 0, 0, 'a weak keychain is never used to protect the key');
        await assert.rejects(vault.createWithOsKeychain(), { code: 'invalid-input' });
        await vault.createWithPassphrase(PASSPHRASE);
        assert.deepEqual(vault.state(), { state: 'open', protection: 'passphrase', reason: null, keptAsidePath: null });
        await vault.close();
      } finally {
        await dir.remove();
      }
    }
  });

  it('decides keychain strength as a pure function with the reason in plain words', () => {
    assert.deepEqual(assessKeychain(new FakeOsEncryption('keychain')), { usable: true, backend: 'keychain' });
    assert.deepEqual(assessKeychain(new FakeOsEncryption('dpapi')), { usable: true, backend: 'dpapi' });
    const basic = assessKeychain(new FakeOsEncryption('basic_text'));
    assert.equal(basic.usable, false);
    assert.match(basic.usable ? '' : basic.reason, /no keyring .* plain text/iu);
    const missing = assessKeychain(undefined);
    assert.equal(missing.usable, false);
    assert.match(missing.usable ? '' : missing.reason, /no system keychain/iu);
  });

  it('refuses a too-short passphrase with the contract message and creates nothing', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openTestVault(dir.path);
      await assert.rejects(vault.createWithPassphrase('short'), { code: 'invalid-input', message: 'Passphrase: use at least 12 characters.' });
      assert.equal(vault.state().state, 'setup');
      assert.equal(vault.writeCount, 0);
      await vault.close();
    });
  });
});
