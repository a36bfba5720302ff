import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { AccountRecord, AccountSecrets } from '../../electron/core/tokens/account-storage';
import type { WrappedKey } from '../../electron/core/vault/key-protection';
import { readJournal, verifyJournal } from '../../electron/core/vault/journal-reading';
import { RunningMac } from '../../electron/core/vault/running-mac';
import { VaultContents } from '../../electron/core/vault/vault-contents';
import { COMPACTION_RATIO, VaultJournal } from '../../electron/core/vault/vault-journal';
import { deriveVaultKeys } from '../../electron/core/vault/vault-keys';
import type { VaultStore } from '../../electron/core/vault/vault-store';
import { fileVaultStore } from '../../electron/core/vault/index';
import { silentLogger } from '../../electron/core/common/logger';
import { PASSPHRASE, confStore, inTempDirectory, openTestVault, openWithPassphrase, sampleRecord, sampleSecrets, storeWith } from './support';
import { readVaultLines } from './vault-file';

const WRAPPED: WrappedKey = { kind: 'os-keychain', backend: 'test', blob: 'unused-by-these-tests' };

/** A journal on a real file, driven directly (no key protection): what the vault does on each save. */
function journalIn(path: string, dataKey = randomBytes(32), store: VaultStore = fileVaultStore(path)): { contents: VaultContents; journal: VaultJournal; store: VaultStore } {
  const contents = new VaultContents(dataKey, WRAPPED, new Map());
  const journal = new VaultJournal(store, { minWriteIntervalMs: 1, logger: silentLogger });
  journal.attach(contents, null);
  return { contents, journal, store };
}

async function reread(path: string, dataKey: Buffer): Promise<VaultContents> {
  const reading = readJournal(await readFile(path));
  assert.equal(reading.kind, 'journal');
  const verified = verifyJournal(reading.file, deriveVaultKeys(dataKey));
  assert.equal(verified.kind, 'verified', 'the header authenticates under this key');
  assert.ok(verified.state.chain !== null, 'the chain holds: nothing rejected');
  return new VaultContents(Buffer.from(dataKey), reading.file.key, verified.state.slots);
}

describe('RunningMac', () => {
  it('is HMAC-SHA256 of everything fed so far, whatever the pieces, and keeps running after a tag', () => {
    const key = randomBytes(32);
    const mac = RunningMac.start(key);
    let fed = Buffer.alloc(0);
    for (const piece of ['header line\n', Buffer.from([0, 1, 2, 255]), 'é unicode ✓', '']) {
      mac.update(piece);
      fed = Buffer.concat([fed, typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece]);
      assert.deepEqual(mac.tag(), createHmac('sha256', key).update(fed).digest());
    }
    const copy = mac.copy().update('only in the copy');
    assert.notDeepEqual(copy.tag(), mac.tag());
    assert.deepEqual(mac.tag(), createHmac('sha256', key).update(fed).digest(), 'a copy does not move the original');
  });
});

/** The real file store, except that the append after `failNextAppend()` writes half a line and then fails. */
function appendFailingOnce(path: string): { store: VaultStore; failNextAppend(): void } {
  const real = fileVaultStore(path);
  let failNext = false;
  const store = storeWith(real, {
    async append(text, offset) {
      if (!failNext) return real.append(text, offset);
      failNext = false;
      await real.append(text.slice(0, 40), offset); // half a line reached the disk, then the write failed
      throw new Error('ENOSPC: no space left on device');
    },
  });
  return { store, failNextAppend: () => (failNext = true) };
}

/** An account saved, then rotated in a write that failed: the rotation is back in the contents, not on disk. */
async function rotationWhoseWriteFailed(contents: VaultContents, journal: VaultJournal, flaky: { failNextAppend(): void }): Promise<{ account: AccountRecord; rotated: AccountSecrets }> {
  const account = sampleRecord();
  contents.put(account, sampleSecrets());
  await journal.commit();
  flaky.failNextAppend();
  const rotated = sampleSecrets();
  contents.put(account, rotated);
  await assert.rejects(journal.commit(), /ENOSPC/u);
  return { account, rotated };
}

describe('vault journal', () => {
  it('appends one short line per spread-out save: a refreshSentAt mark costs one small write, a rotation only the new tokens', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      const accounts = Array.from({ length: 1000 }, () => ({ record: sampleRecord({ accessIssuedAt: 1_700_000_000_000, accessExpiresAt: 1_700_000_900_000 }), secrets: sampleSecrets() }));
      await Promise.all(accounts.map((entry) => vault.storage.save(entry.record, entry.secrets)));
      const target = accounts[500];
      assert.ok(target);
      const fileBefore = (await stat(vault.path)).size;

      let [writes, bytes] = [vault.writeCount, vault.bytesWritten];
      await vault.storage.save({ ...target.record, refreshSentAt: 1_700_000_800_000 });
      const markBytes = vault.bytesWritten - bytes;
      assert.equal(vault.writeCount - writes, 1, 'one durable write');
      assert.ok(markBytes < 1024, `a refreshSentAt mark appends ${markBytes} bytes`);

      [writes, bytes] = [vault.writeCount, vault.bytesWritten];
      const rotated = { refreshToken: `TGe0!${randomBytes(48).toString('base64url')}`, accessToken: `gAAAAAB${randomBytes(96).toString('base64url')}` };
      await vault.storage.save({ ...target.record, refreshSentAt: null, lastRefreshAt: 1_700_000_850_000 }, rotated);
      const rotationBytes = vault.bytesWritten - bytes;
      assert.equal(vault.writeCount - writes, 1);
      assert.ok(rotationBytes < 2048, `a rotation appends ${rotationBytes} bytes`);
      assert.equal((await stat(vault.path)).size, fileBefore + markBytes + rotationBytes, 'appended, not rewritten');
      await vault.close();

      const reopened = await openTestVault(dir.path);
      await reopened.unlock(PASSPHRASE);
      const record = (await reopened.storage.loadRecords()).find((candidate) => candidate.id === target.record.id);
      assert.deepEqual(record, { ...target.record, refreshSentAt: null, lastRefreshAt: 1_700_000_850_000 });
      assert.deepEqual(await reopened.storage.readSecrets(target.record.id), { ...target.secrets, ...rotated });
      await reopened.close();
    });
  });

  it('persists refreshSentAt, authenticated like every field', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      const record = sampleRecord();
      await vault.storage.save(record, sampleSecrets());
      await vault.storage.save({ ...record, refreshSentAt: 1_700_000_123_456 });
      await vault.close();
      const reopened = await openTestVault(dir.path);
      await reopened.unlock(PASSPHRASE);
      assert.equal((await reopened.storage.loadRecords())[0]?.refreshSentAt, 1_700_000_123_456);
      await reopened.close();
    });
  });

  it('compacts once the file is twice what a rewrite would be: atomic, 0600, smaller, every account intact', async () => {
    await inTempDirectory(async (dir) => {
      const path = confStore(dir.path).path;
      const dataKey = randomBytes(32);
      const { contents, journal, store } = journalIn(path, Buffer.from(dataKey));
      const records = Array.from({ length: 40 }, () => sampleRecord());
      const latest = new Map(records.map((record) => [record.id, sampleSecrets()]));
      for (const record of records) contents.put(record, latest.get(record.id));
      await journal.commit();
      const compactedSize = (await stat(path)).size;
      let rewrites = 0;
      let sizeBefore = compactedSize;
      for (let round = 0; rewrites < 2 && round < 5000; round += 1) {
        const record = records[round % records.length];
        assert.ok(record);
        const refreshToken = `TGe0!${round}-${randomBytes(40).toString('base64url')}`;
        contents.put({ ...record, lastRefreshAt: round }, { refreshToken });
        latest.set(record.id, { ...(latest.get(record.id) ?? sampleSecrets()), refreshToken });
        await journal.commit();
        await journal.flush();
        const size = (await stat(path)).size;
        if (size < sizeBefore) {
          rewrites += 1;
          assert.ok(sizeBefore > 2 * compactedSize, `compacted at ${sizeBefore} bytes, not before twice ${compactedSize}`);
          assert.equal((await stat(path)).mode & 0o777, 0o600);
        }
        sizeBefore = size;
      }
      assert.equal(rewrites, 2, 'compaction ran, twice, triggered by size alone');
      assert.deepEqual(await readdir(dir.path), ['vault.json'], 'no temp file left');
      await journal.detach();
      const reread_ = await reread(path, dataKey);
      for (const [id, secrets] of latest) assert.deepEqual(reread_.readSecrets(id), secrets);
      assert.ok(store.writeCount > 0);
    });
  });

  it('after a failed write, the change stays pending and the next write holds it, after the torn bytes are cut off', async () => {
    await inTempDirectory(async (dir) => {
      const path = confStore(dir.path).path;
      const dataKey = randomBytes(32);
      const flaky = appendFailingOnce(path);
      const { contents, journal } = journalIn(path, Buffer.from(dataKey), flaky.store);
      const first = sampleRecord();
      const second = sampleRecord();
      contents.put(first, sampleSecrets());
      await journal.commit();
      flaky.failNextAppend();
      const secondSecrets = sampleSecrets();
      contents.put(second, secondSecrets);
      await assert.rejects(journal.commit(), /ENOSPC/u);
      contents.put({ ...first, label: 'later' }, undefined);
      await journal.commit();
      await journal.detach();
      const again = await reread(path, dataKey);
      assert.deepEqual(again.readSecrets(second.id), secondSecrets, 'the failed change was written with the next one');
      assert.equal(again.records().find((record) => record.id === first.id)?.label, 'later');
    });
  });

  it('a change whose write failed, with no save after it, is written by the flush before closing (quitting loses nothing)', async () => {
    await inTempDirectory(async (dir) => {
      const path = confStore(dir.path).path;
      const dataKey = randomBytes(32);
      const flaky = appendFailingOnce(path);
      const { contents, journal } = journalIn(path, Buffer.from(dataKey), flaky.store);
      const { account, rotated } = await rotationWhoseWriteFailed(contents, journal, flaky);
      // The disk has room again; nothing else is saved before the app quits.
      await journal.detach();
      const again = await reread(path, dataKey);
      assert.deepEqual(again.readSecrets(account.id), rotated, 'the rotated tokens reached the disk before the file was closed');
    });
  });

  it('a change a failed rewrite put back, while the app quit during that rewrite, is written before the file is closed', async () => {
    await inTempDirectory(async (dir) => {
      const path = confStore(dir.path).path;
      const dataKey = randomBytes(32);
      const flaky = appendFailingOnce(path);
      const hanging: { armed: boolean; fail?: (error: Error) => void } = { armed: false };
      const store = storeWith(flaky.store, {
        // Once armed, the next replace (the rewrite) hangs until the test fails it: the quit comes meanwhile.
        replace: (text) => {
          if (!hanging.armed) return flaky.store.replace(text);
          hanging.armed = false;
          return new Promise<void>((_, reject) => (hanging.fail = reject));
        },
      });
      const { contents, journal } = journalIn(path, Buffer.from(dataKey), store);
      const { account, rotated } = await rotationWhoseWriteFailed(contents, journal, flaky);

      hanging.armed = true;
      const rewrite = journal.rewriteAll(null, { kind: 'os-keychain', backend: 'test', blob: 'another wrap' });
      const detached = journal.detach();
      await new Promise((resolve) => setImmediate(resolve));
      assert.ok(hanging.fail, 'the rewrite is under way');
      hanging.fail(new Error('EIO: the rewrite failed'));
      await assert.rejects(rewrite, /EIO/u);
      await detached;
      const again = await reread(path, dataKey);
      assert.deepEqual(again.readSecrets(account.id), rotated, 'the rotated tokens reached the disk before the file was closed');
    });
  });

  it('detach writes the compaction its own flush made due, instead of refusing it once the contents are gone', async () => {
    await inTempDirectory(async (dir) => {
      const path = confStore(dir.path).path;
      const dataKey = randomBytes(32);
      const { contents, journal, store } = journalIn(path, Buffer.from(dataKey));
      const account = sampleRecord({ label: 'label-0' });
      contents.put(account, sampleSecrets());
      await journal.commit();
      const rewritten = (await stat(path)).size;
      // One account: compaction is due once the file exceeds twice its rewritten size plus the 64 KiB slack.
      const threshold = COMPACTION_RATIO * rewritten + 64 * 1024;
      let size = rewritten;
      let lineBytes = 0;
      for (let index = 1; size + lineBytes + 1 <= threshold; index += 1) {
        const writes = store.writeCount;
        contents.put({ ...account, label: `label-${index % 10}` }, undefined);
        await journal.commit();
        assert.equal(store.writeCount, writes + 1, 'no compaction yet');
        const grown = (await stat(path)).size;
        lineBytes = grown - size;
        size = grown;
      }
      assert.ok(size + lineBytes > threshold, 'the next append makes compaction due');

      contents.put({ ...account, label: 'the last one' }, undefined);
      await journal.detach();
      assert.ok((await stat(path)).size < rewritten + 1024, 'the file was compacted before it was closed');
      const again = await reread(path, dataKey);
      assert.equal(again.records()[0]?.label, 'the last one');
    });
  });

  it('detach lets go of the contents and closes the file even when its flush fails', async () => {
    await inTempDirectory(async (dir) => {
      const path = confStore(dir.path).path;
      const flaky = appendFailingOnce(path);
      let closes = 0;
      const store = storeWith(flaky.store, {
        close: () => {
          closes += 1;
          return flaky.store.close();
        },
      });
      const { contents, journal } = journalIn(path, randomBytes(32), store);
      const account = sampleRecord();
      contents.put(account, sampleSecrets());
      await journal.commit();
      flaky.failNextAppend();
      contents.put(account, sampleSecrets());
      await assert.rejects(journal.detach(), /ENOSPC/u);
      assert.ok(closes >= 1, 'the file was closed');
      contents.put(account, sampleSecrets());
      await assert.rejects(journal.commit(), /vault-locked|closed/u, 'nothing writes from the contents once detached');
    });
  });

  it('rewriteAll seals every secret under a new data key in one atomic rewrite, saves made meanwhile included', async () => {
    await inTempDirectory(async (dir) => {
      const path = confStore(dir.path).path;
      const oldKey = randomBytes(32);
      const { contents, journal } = journalIn(path, Buffer.from(oldKey));
      const accounts = Array.from({ length: 20 }, () => ({ record: sampleRecord(), secrets: sampleSecrets() }));
      for (const entry of accounts) contents.put(entry.record, entry.secrets);
      await journal.commit();
      const sealedBefore = (await readVaultLines(path)).map((line) => JSON.stringify(line.body.secrets));

      const newKey = randomBytes(32);
      const newWrapped: WrappedKey = { kind: 'os-keychain', backend: 'test', blob: 'the new wrapped key' };
      const rekey = journal.rewriteAll(Buffer.from(newKey), newWrapped);
      const during = accounts[3];
      assert.ok(during);
      const duringSecrets = sampleSecrets();
      contents.put(during.record, duringSecrets); // made while the rewrite is under way
      const duringSaved = journal.commit();
      await Promise.all([rekey, duringSaved]);
      await journal.detach();

      const lines = await readVaultLines(path);
      assert.deepEqual(lines[0]?.body.key, newWrapped, 'the header carries the new wrapped key');
      for (const line of lines.slice(1)) assert.ok(!sealedBefore.includes(JSON.stringify(line.body.secrets)), 'no value sealed under the old key is left');
      const reading = readJournal(await readFile(path));
      assert.equal(reading.kind, 'journal');
      assert.equal(verifyJournal(reading.file, deriveVaultKeys(oldKey)).kind, 'header-broken', 'the old key opens nothing');
      const reopened = await reread(path, newKey);
      for (const entry of accounts) assert.deepEqual(reopened.readSecrets(entry.record.id), entry === during ? duringSecrets : entry.secrets);
    });
  });
});
