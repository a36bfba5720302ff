/**
 * Child-process entry for figure 12 (started with --expose-gc): the resident memory of the core holding N
 * accounts. Baseline: every module loaded and run once on a tiny vault, nothing of the measured vault open.
 * Then: the vault opened, the lifecycle started, and a token taken for every account (secrets decrypted and
 * kept, as after a day of use). RSS is the process's resident set, not only the JS heap.
 */
import { openVault } from '../electron/core/vault';
import { TokenLifecycle } from '../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import { BenchOsEncryption } from './fake-os-encryption';

export interface RssReport {
  accounts: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  heapAfterBytes: number;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('bench/rss-process.ts needs --expose-gc.');
  gc();
  gc();
}

async function holdAll(directory: string, os: BenchOsEncryption, expected: number): Promise<() => Promise<void>> {
  const vault = await openVault({ store: { directory }, osEncryption: os });
  const lifecycle = new TokenLifecycle({ client: createWinbooksTokenClient(), storage: vault.storage });
  await lifecycle.start();
  const accounts = lifecycle.list();
  if (accounts.length !== expected) throw new Error(`The vault in ${directory} listed ${accounts.length} of ${expected} accounts.`);
  for (const account of accounts) await lifecycle.getFreshAccessToken(account.id, 0);
  await vault.flush();
  return async () => {
    lifecycle.stop();
    await vault.close();
  };
}

async function main(): Promise<void> {
  const [directory, countText, keyHex, warmDirectory, warmCountText, warmKeyHex] = process.argv.slice(2);
  const count = Number(countText);
  if (directory === undefined || keyHex === undefined || warmDirectory === undefined || warmKeyHex === undefined || !Number.isInteger(count)) {
    throw new Error('Usage: rss-process.ts <vault dir> <accounts> <its bench keychain key, hex> <warm-up vault dir> <its accounts> <its key, hex>');
  }
  const os = new BenchOsEncryption(Buffer.from(keyHex, 'hex'));
  const closeWarm = await holdAll(warmDirectory, new BenchOsEncryption(Buffer.from(warmKeyHex, 'hex')), Number(warmCountText));
  await closeWarm();
  collect();
  const before = process.memoryUsage();
  const close = await holdAll(directory, os, count);
  collect();
  const after = process.memoryUsage();
  await close();
  const report: RssReport = { accounts: count, rssBeforeBytes: before.rss, rssAfterBytes: after.rss, heapAfterBytes: after.heapUsed };
  process.send?.(report);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`RSS bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
