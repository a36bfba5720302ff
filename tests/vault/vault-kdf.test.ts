import assert from 'node:assert/strict';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SCRYPT_PARAMS, SCRYPT_LIMITS } from '../../electron/core/vault/index';
import { ScryptSettingsRefusedError, deriveKey, scryptSettingsProblem } from '../../electron/core/vault/scrypt';
import { backupsOverVault } from '../support/backup-service-fixture';
import { PASSPHRASE, confStore, inTempDirectory, openTestVault, openWithPassphrase, sampleRecord, sampleSecrets } from './support';
import { readVaultLines, vaultShape, writeVaultLines } from './vault-file';

/** What the issue asks for (scrypt N >= 2^17, r=8, p=1): the cost an older vault is raised to. */
const TARGET = { N: 2 ** 17, r: 8, p: 1 };

/** A vault written by the app before this change: scrypt N=2^15, one account (tests/vault/fixtures). */
const OLD_VAULT = join(import.meta.dirname, 'fixtures', 'vault-v1-scrypt-2e15.json');
const OLD_VAULT_SECRETS = { exchangeToken: 'XCH-fixture-exchange-token', refreshToken: 'RFR-fixture-refresh-token', accessToken: 'ACC-fixture-access-token' };

interface KdfShape {
  N: number;
  r: number;
  p: number;
  salt: string;
}

/** The KDF parameters in the file's header: format 2 (a journal), or the version-1 document the fixture is. */
async function storedKdf(path: string): Promise<KdfShape> {
  const text = await readFile(path, 'utf8');
  if (text.startsWith('{"format"')) return (JSON.parse(text) as { key: { kdf: KdfShape } }).key.kdf;
  const [header] = await readVaultLines(path);
  return (header?.body.key as { kdf: KdfShape }).kdf;
}

async function withOldVault(body: (directory: string, path: string) => Promise<void>): Promise<void> {
  await inTempDirectory(async (dir) => {
    const path = confStore(dir.path).path;
    await copyFile(OLD_VAULT, path);
    await body(dir.path, path);
  });
}

describe('passphrase KDF cost', () => {
  it('targets scrypt N >= 2^17, r=8, p=1 (128 MiB per guess) for new wraps and backups', () => {
    assert.ok(DEFAULT_SCRYPT_PARAMS.N >= TARGET.N, `N=${DEFAULT_SCRYPT_PARAMS.N}`);
    assert.equal(DEFAULT_SCRYPT_PARAMS.r, TARGET.r);
    assert.equal(DEFAULT_SCRYPT_PARAMS.p, TARGET.p);
    assert.equal(scryptSettingsProblem(DEFAULT_SCRYPT_PARAMS), null, 'the target itself is within the limits a file may ask for');
  });

  it('raises an N=2^15 vault to the target on the next unlock, and it still opens with its passphrase', async () => {
    await withOldVault(async (directory, path) => {
      assert.equal((await storedKdf(path)).N, 2 ** 15);
      const vault = await openTestVault(directory, { scryptParams: TARGET });
      assert.equal(vault.state().state, 'locked');
      await vault.unlock(PASSPHRASE);
      assert.deepEqual(await vault.storage.readSecrets('fixture-account-1'), OLD_VAULT_SECRETS);
      await vault.close();

      assert.equal((await vaultShape(path)).version, 2, 'the version-1 file was migrated to the journal format');
      const raised = await storedKdf(path);
      assert.deepEqual({ N: raised.N, r: raised.r, p: raised.p }, TARGET);
      // Stored parameters win over the opener's: a cheap opener still derives at 2^17 and opens it.
      const again = await openTestVault(directory);
      await again.unlock(PASSPHRASE);
      assert.deepEqual(await again.storage.readSecrets('fixture-account-1'), OLD_VAULT_SECRETS);
      await again.close();
      assert.equal((await storedKdf(path)).N, 2 ** 17, 'never lowered by an opener whose target is cheaper');
    });
  });

  it('leaves the file untouched when the unlock fails', async () => {
    await withOldVault(async (directory, path) => {
      const before = await readFile(path, 'utf8');
      const vault = await openTestVault(directory, { scryptParams: TARGET });
      await assert.rejects(vault.unlock('not the passphrase at all'), { code: 'invalid-input', field: 'passphrase' });
      await vault.close();
      assert.equal(await readFile(path, 'utf8'), before);
    });
  });

  it('refuses a vault file asking for absurd scrypt costs, says why, and derives nothing', async () => {
    const absurd: [string, Partial<KdfShape>, RegExp][] = [
      ['memory', { N: 2 ** 30 }, /asks for key-derivation settings \(scrypt N=2\^30, r=8, p=1\) that would need 1048576 MiB of memory, more than the 256 MiB/u],
      ['work', { N: 2 ** 17, p: 4096 }, /asks for key-derivation settings \(scrypt N=2\^17, r=8, p=4096\) that would take minutes/u],
    ];
    for (const [what, edit, reason] of absurd) {
      await inTempDirectory(async (dir) => {
        const vault = await openWithPassphrase(dir.path);
        await vault.storage.save(sampleRecord(), sampleSecrets());
        await vault.close();
        const lines = await readVaultLines(vault.path);
        const header = lines[0]?.body as { key: { kdf: KdfShape } };
        header.key.kdf = { ...header.key.kdf, ...edit };
        await writeVaultLines(vault.path, lines);

        const started = performance.now();
        const reopened = await openTestVault(dir.path);
        const state = reopened.state();
        assert.equal(state.state, 'damaged', what);
        assert.match(state.reason ?? '', reason, what);
        assert.ok(state.keptAsidePath !== null, 'the file is kept aside, untouched');
        await assert.rejects(reopened.unlock(PASSPHRASE), { code: 'vault-locked' });
        assert.ok(performance.now() - started < 5_000, 'no derivation was attempted');
        await reopened.close();
      });
    }
  });

  it('refuses absurd settings in deriveKey itself (backups and any other caller), before any work', async () => {
    const settings = { name: 'scrypt' as const, N: 2 ** 24, r: 8, p: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' };
    await assert.rejects(deriveKey(PASSPHRASE, settings), (error: unknown) => {
      assert.ok(error instanceof ScryptSettingsRefusedError);
      assert.equal(error.code, 'invalid-input');
      assert.equal(error.field, 'content');
      assert.deepEqual(error.settings, settings);
      assert.match(error.message, /damaged: its header asks for key-derivation settings \(scrypt N=2\^24, r=8, p=1\) that would need 16384 MiB/u);
      return true;
    });
    assert.equal(scryptSettingsProblem({ N: 2 ** 18, r: 8, p: 1 }), null, 'room to raise the target once more');
    assert.ok(SCRYPT_LIMITS.maxMemoryBytes >= 128 * 2 ** 18 * 8);
  });

  it('main seals backups at the target cost', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      await vault.storage.save(sampleRecord(), sampleSecrets());
      // No cost given: the backup service's default, as main builds it.
      const backup = await backupsOverVault(vault, { vaultPassphrase: PASSPHRASE }).exportWith('sealed at the target cost, far away');
      const header = JSON.parse(backup.content) as { kdf: KdfShape };
      assert.ok(header.kdf.N >= TARGET.N && header.kdf.r === TARGET.r && header.kdf.p === TARGET.p, JSON.stringify(header.kdf));
      await vault.close();
    });
  });
});
