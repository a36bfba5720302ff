import assert from 'node:assert/strict';
import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { AppError } from '../../electron/core/common/app-error';
import { vaultStateSchema } from '../../electron/shared/ipc-contract';
import { fileVaultStore, openVault } from '../../electron/core/vault/index';
import { FakeOsEncryption, PASSPHRASE, TEST_SCRYPT, confStore, leakedSecrets, openTestVault, openWithPassphrase, recordingStore, sampleRecord, secretValues, sampleSecrets, inTempDirectory, storeWith, tempDirectory } from './support';

describe('group commit', () => {
  it('writes 1,000 concurrent saves in at most 50 writes, each save resolving only once a write holding it is durable', async () => {
    await inTempDirectory(async (dir) => {
      const store = recordingStore(fileVaultStore(confStore(dir.path).path));
      const vault = await openVault({ store, scryptParams: TEST_SCRYPT });
      await vault.createWithPassphrase(PASSPHRASE);
      const writesBefore = vault.writeCount;
      const entries = Array.from({ length: 1000 }, () => ({ record: sampleRecord(), secrets: sampleSecrets() }));
      const notDurableOnResolve: string[] = [];
      await Promise.all(
        entries.map((entry) =>
          vault.storage.save(entry.record, entry.secrets).then(() => {
            if (!store.durableIds.has(entry.record.id)) notDurableOnResolve.push(entry.record.id);
          }),
        ),
      );
      const writes = vault.writeCount - writesBefore;
      console.log(`group commit: 1000 concurrent saves -> ${writes} file write(s)`);
      assert.ok(writes >= 1 && writes <= 50, `${writes} writes`);
      assert.deepEqual(notDurableOnResolve, []);
      await vault.close();

      const text = await readFile(vault.path, 'utf8');
      const secrets = secretValues(...entries.map((entry) => entry.secrets));
      assert.deepEqual(leakedSecrets(text, secrets), []);
      const reopened = await openTestVault(dir.path);
      await reopened.unlock(PASSPHRASE);
      assert.equal((await reopened.storage.loadRecords()).length, 1000);
      const sample = entries[737];
      assert.ok(sample);
      assert.deepEqual(await reopened.storage.readSecrets(sample.record.id), sample.secrets);
      await reopened.close();
    });
  });

  it('flush resolves when everything accepted is durable; a save made during a write goes into the next one', async () => {
    await inTempDirectory(async (dir) => {
      const store = recordingStore(fileVaultStore(confStore(dir.path).path));
      const vault = await openVault({ store, scryptParams: TEST_SCRYPT });
      await vault.createWithPassphrase(PASSPHRASE);
      const first = sampleRecord();
      const second = sampleRecord();
      const firstSaved = vault.storage.save(first, sampleSecrets());
      await new Promise((resolve) => setTimeout(resolve, 20)); // the first write is under way or done
      const secondSaved = vault.storage.save(second, sampleSecrets());
      await vault.flush();
      assert.ok(store.durableIds.has(first.id) && store.durableIds.has(second.id));
      await Promise.all([firstSaved, secondSaved]);
      await vault.close();
    });
  });
});

describe('closing', () => {
  it('a close whose last step fails still ends closed, the decrypted contents dropped, and says so', async () => {
    await inTempDirectory(async (dir) => {
      const file = fileVaultStore(confStore(dir.path).path);
      let failClose = false;
      const store = storeWith(file, {
        close: async () => {
          await file.close();
          if (failClose) throw new Error('EIO: close failed');
        },
      });
      const vault = await openVault({ store, scryptParams: TEST_SCRYPT });
      await vault.createWithPassphrase(PASSPHRASE);
      const account = sampleRecord();
      await vault.storage.save(account, sampleSecrets());
      failClose = true;
      await assert.rejects(vault.close(), (error: unknown) => error instanceof AppError && error.code === 'storage-failed');
      assert.deepEqual([vault.state().state, vault.state().reason], ['locked', 'The vault is closed.']);
      await assert.rejects(vault.storage.readSecrets(account.id), 'no secret is handed out after the close');
    });
  });
});

describe('vault file on disk', () => {
  it('is created with mode 0600 and leaves no temp file behind; temp files of an interrupted write are cleaned at open', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      await vault.storage.save(sampleRecord(), sampleSecrets());
      await vault.close();
      assert.equal((await stat(vault.path)).mode & 0o777, 0o600);
      assert.deepEqual(await readdir(dir.path), [basename(vault.path)]);

      const stale = `${vault.path}.tmp-deadbeef0000`;
      await writeFile(stale, '{"half": ');
      const again = await openTestVault(dir.path);
      assert.equal(again.state().state, 'locked', 'the real file is unaffected by the stale temp file');
      assert.deepEqual(await readdir(dir.path), [basename(vault.path)]);
      await again.close();
    });
  });

  const damagedCases: { name: string; content: string; reason: RegExp }[] = [
    { name: 'cut-off JSON', content: '{"format":"winbooks-token-manager-vault","version":1,"key":{"kind":"pass', reason: /damaged: it is not complete, readable data/u },
    { name: 'binary garbage', content: '\u0000\u0001\u0002garbage', reason: /damaged/u },
    { name: 'a malformed entry', content: JSON.stringify({ format: 'winbooks-token-manager-vault', version: 1, key: { kind: 'passphrase' }, accounts: [] }), reason: /missing or malformed/u },
    { name: 'a newer format', content: JSON.stringify({ format: 'winbooks-token-manager-vault', version: 7 }), reason: /newer version .*format 7.*Update the app/u },
  ];
  for (const damaged of damagedCases) {
    it(`keeps a damaged file (${damaged.name}) aside, never overwrites it, and starts over only with consent`, async () => {
      const dir = await tempDirectory();
      try {
        const path = confStore(dir.path).path;
        await writeFile(path, damaged.content, { mode: 0o600 });
        const vault = await openTestVault(dir.path, { now: () => Date.UTC(2025, 0, 31, 12, 0, 0) });
        const state = vaultStateSchema.parse(vault.state());
        assert.equal(state.state, 'damaged');
        assert.match(state.reason ?? '', damaged.reason);
        assert.match(state.reason ?? '', /Nothing was overwritten/u);
        assert.equal(state.keptAsidePath, `${path}.damaged-2025-01-31T12-00-00-000Z`);
        assert.equal(dirname(state.keptAsidePath), dir.path);
        assert.equal(await readFile(state.keptAsidePath, 'utf8'), damaged.content);
        assert.equal((await stat(state.keptAsidePath)).mode & 0o777, 0o600);
        assert.equal(await readFile(path, 'utf8'), damaged.content, 'the original is not overwritten');
        await assert.rejects(vault.storage.loadRecords(), { code: 'vault-locked', message: /damaged/u });
        await assert.rejects(vault.createWithPassphrase(PASSPHRASE), { code: 'vault-locked' });
        assert.equal(vault.writeCount, 0);

        await vault.startOver();
        assert.equal(vault.state().state, 'setup', 'no usable keychain: a passphrase must be chosen');
        await vault.createWithPassphrase(PASSPHRASE);
        assert.equal(vault.state().state, 'open');
        assert.deepEqual(await vault.storage.loadRecords(), []);
        await vault.close();
        assert.equal(await readFile(state.keptAsidePath, 'utf8'), damaged.content, 'the copy survives the new vault');
      } finally {
        await dir.remove();
      }
    });
  }

  it('keeps only the 3 newest damaged copies, each 0600, and makes a world-readable damaged original 0600 at once', async () => {
    await inTempDirectory(async (dir) => {
      const path = confStore(dir.path).path;
      const kept: string[] = [];
      for (let day = 1; day <= 5; day += 1) {
        await writeFile(path, `damaged on day ${day}`, { mode: 0o644 });
        await chmod(path, 0o644);
        const vault = await openTestVault(dir.path, { now: () => Date.UTC(2025, 0, day, 12, 0, 0) });
        assert.equal(vault.state().state, 'damaged');
        assert.equal((await stat(path)).mode & 0o777, 0o600, 'the original is made 0600 as soon as it is found');
        kept.push(vault.state().keptAsidePath ?? '');
        await vault.close();
      }
      const copies = (await readdir(dir.path)).filter((name) => name.includes('.damaged-')).sort();
      assert.deepEqual(copies, kept.slice(2).map((copy) => basename(copy)), 'the 3 newest copies, the older ones deleted');
      for (const copy of copies) assert.equal((await stat(join(dir.path, copy))).mode & 0o777, 0o600);
      assert.equal(await readFile(join(dir.path, copies[2] ?? ''), 'utf8'), 'damaged on day 5');
    });
  });

  it('reports a keychain that cannot decrypt the key (another user or computer) as damaged and keeps the file', async () => {
    await inTempDirectory(async (dir) => {
      const first = await openTestVault(dir.path, { osEncryption: new FakeOsEncryption('dpapi') });
      await first.storage.save(sampleRecord(), sampleSecrets());
      await first.close();
      const before = await readFile(first.path, 'utf8');

      const elsewhere = await openTestVault(dir.path, { osEncryption: new FakeOsEncryption('dpapi') });
      const state = elsewhere.state();
      assert.equal(state.state, 'damaged');
      assert.match(state.reason ?? '', /system keychain could not unlock the vault key/u);
      assert.ok(state.keptAsidePath !== null);
      assert.equal(await readFile(state.keptAsidePath, 'utf8'), before);
      await elsewhere.startOver();
      assert.deepEqual(elsewhere.state(), { state: 'open', protection: 'os-keychain', reason: null, keptAsidePath: null });
      await elsewhere.close();
    });
  });
});
