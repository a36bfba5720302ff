/**
 * The crash test's victim: opens the vault, runs the TokenLifecycle on it and refreshes every account in a
 * loop against the sandbox until the parent kills it with SIGKILL. Each time a save holding a new refresh
 * token resolves (durable), it prints `durable <account id> <fingerprint>` (a hash, never the token) so the
 * parent can check that no acknowledged token is lost. Stdout to a pipe is synchronous on Linux.
 * Usage: node --import tsx tests/vault/crash-child.ts <vault directory> <passphrase> <sandbox base URL>
 * (the test bundles it with esbuild first, only to start faster).
 */
import type { AccountStorage } from '../../electron/core/tokens/account-storage';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { openVault } from '../../electron/core/vault/index';
import { TEST_SCRYPT } from './support';
import { tokenFingerprint } from './token-fingerprint';

const [directory, passphrase, sandboxUrl] = process.argv.slice(2);
if (directory === undefined || passphrase === undefined || sandboxUrl === undefined) {
  process.stderr.write('usage: crash-child.ts <vault directory> <passphrase> <sandbox base URL>\n');
  process.exit(2);
}

// Never outlive the parent: it holds our stdin open, and a stuck child ends on its own.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
setTimeout(() => process.exit(3), 60_000).unref();

// The test's cheap scrypt as the target too: the default would raise the vault to 2^17 on the first unlock.
const vault = await openVault({ store: { directory }, scryptParams: TEST_SCRYPT });
await vault.unlock(passphrase);
const acknowledging: AccountStorage = {
  loadRecords: () => vault.storage.loadRecords(),
  readSecrets: (id) => vault.storage.readSecrets(id),
  remove: (id) => vault.storage.remove(id),
  flush: () => vault.storage.flush(),
  async save(record, secrets) {
    await vault.storage.save(record, secrets);
    const refreshToken = secrets?.refreshToken;
    if (refreshToken) process.stdout.write(`durable ${record.id} ${tokenFingerprint(refreshToken)}\n`);
  },
};
const lifecycle = new TokenLifecycle({ client: createWinbooksTokenClient({ timeoutMs: 5_000 }), storage: acknowledging });
await lifecycle.start();
const accounts = lifecycle.list();
if (accounts.some((account) => account.host !== sandboxUrl)) {
  process.stderr.write('the vault accounts do not point at this sandbox\n');
  process.exit(4);
}
process.stdout.write('ready\n');
for (;;) {
  await Promise.all(accounts.map((account) => lifecycle.refresh(account.id).catch(() => undefined)));
}
