import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileGatewayKeyStore, gatewayKeysFilePath } from '../../electron/core/gateway/file-gateway-key-store';
import { gatewayKeyDigest, looksLikeGatewayKey } from '../../electron/core/gateway/gateway-key';
import { GatewayKeys } from '../../electron/core/gateway/gateway-keys';
import { InMemoryGatewayKeyStore } from '../../electron/core/gateway/gateway-key-store';
import { gatewayBaseUrl, powerQuerySnippet } from '../../electron/core/gateway/gateway-links';
import { CapturingLogger } from '../support/lifecycle-fixture';

async function inTempDirectory(body: (directory: string) => Promise<void>): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'wtm-gateway-keys-'));
  try {
    await body(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

describe('gateway keys', () => {
  test('are 256 random bits in base64url, different every time', async () => {
    const keys = new GatewayKeys(new InMemoryGatewayKeyStore());
    const issued = new Set<string>();
    for (let index = 0; index < 50; index += 1) issued.add(await keys.issue(`account-${index}`));
    assert.equal(issued.size, 50);
    for (const key of issued) {
      assert.ok(looksLikeGatewayKey(key), key);
      assert.equal(Buffer.from(key, 'base64url').length, 32);
    }
  });

  test('open only their own account; the key is held in memory for this run only', async () => {
    const keys = new GatewayKeys(new InMemoryGatewayKeyStore());
    const a = await keys.issue('a');
    const b = await keys.issue('b');
    assert.equal(keys.accountFor(a), 'a');
    assert.equal(keys.accountFor(b), 'b');
    assert.equal(keys.accountFor(a.toUpperCase()), null);
    assert.equal(keys.keyIssuedThisRun('a'), a);
    assert.deepEqual(keys.accountsWithKey().sort(), ['a', 'b']);
  });

  test('survive a restart from a 0600 file holding only digests; a copy of the file opens nothing', async () => {
    await inTempDirectory(async (directory) => {
      const path = gatewayKeysFilePath(directory);
      const first = new GatewayKeys(new FileGatewayKeyStore(path));
      await first.load();
      const key = await first.issue('account-1');
      const text = await readFile(path, 'utf8');
      assert.ok(!text.includes(key), 'the key itself is on disk');
      assert.ok(text.includes(gatewayKeyDigest(key)));
      if (process.platform !== 'win32') assert.equal((await stat(path)).mode & 0o777, 0o600);

      const restarted = new GatewayKeys(new FileGatewayKeyStore(path));
      await restarted.load();
      assert.equal(restarted.accountFor(key), 'account-1', 'the URL keeps working after a restart');
      assert.equal(restarted.keyIssuedThisRun('account-1'), null, 'the key cannot be shown again');
      // Someone who copied the file has digests, not keys: a digest is no key.
      assert.equal(restarted.accountFor(gatewayKeyDigest(key)), null);

      await restarted.revoke('account-1');
      const again = new GatewayKeys(new FileGatewayKeyStore(path));
      await again.load();
      assert.equal(again.accountFor(key), null, 'a revocation survives a restart');
    });
  });

  test('drop the keys of removed accounts', async () => {
    const store = new InMemoryGatewayKeyStore();
    const keys = new GatewayKeys(store);
    const kept = await keys.issue('kept');
    const gone = await keys.issue('gone');
    await keys.retainOnly(new Set(['kept']));
    assert.equal(keys.accountFor(gone), null);
    assert.equal(keys.accountFor(kept), 'kept');
    assert.deepEqual((await store.load()).map((entry) => entry.accountId), ['kept']);
  });

  test('a key file readable by others, a symbolic link or a damaged file opens nothing (and is logged)', async (t) => {
    if (process.platform === 'win32') {
      t.skip('POSIX modes');
      return;
    }
    await inTempDirectory(async (directory) => {
      const path = gatewayKeysFilePath(directory);
      const writer = new GatewayKeys(new FileGatewayKeyStore(path));
      const key = await writer.issue('account-1');
      const attempts: [string, () => Promise<void>][] = [
        ['readable by others', () => chmod(path, 0o644)],
        ['a symbolic link', async () => {
          const real = join(directory, 'elsewhere.json');
          await writeFile(real, await readFile(path), { mode: 0o600 });
          await rm(path);
          await symlink(real, path);
        }],
        ['damaged', async () => {
          await rm(path);
          await writeFile(path, '{"v":1,"keys":[{"accountId":', { mode: 0o600 });
        }],
      ];
      for (const [name, spoil] of attempts) {
        await spoil();
        const logger = new CapturingLogger();
        const reader = new GatewayKeys(new FileGatewayKeyStore(path), { logger });
        await reader.load();
        assert.equal(reader.accountFor(key), null, name);
        assert.deepEqual(logger.events(), ['gateway.keys-unreadable'], name);
      }
    });
  });
});

describe('what users copy', () => {
  test('the gateway URL names 127.0.0.1 and the port', () => {
    assert.equal(gatewayBaseUrl(17890, 'K'.repeat(43)), `http://127.0.0.1:17890/${'K'.repeat(43)}`);
  });

  test('the Power Query snippet passes the path in RelativePath, not concatenated onto the URL', () => {
    const key = 'k'.repeat(43);
    const snippet = powerQuerySnippet(17890, key, 'Acme\nBakery');
    assert.match(snippet, /Web\.Contents\("http:\/\/127\.0\.0\.1:17890\/k{43}", \[/u);
    assert.match(snippet, /RelativePath = "app\/Customers\/Folder\/" & Folder/u);
    assert.doesNotMatch(snippet, /Web\.Contents\("[^"]*" &/u, 'the URL is one static string');
    assert.match(snippet, /^\/\/ .*"Acme Bakery"/mu, 'a label cannot break out of its comment line');
    assert.match(snippet, /^let$/mu);
    assert.match(snippet, /^in$/mu);
  });
});
