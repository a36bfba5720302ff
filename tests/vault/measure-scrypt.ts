/**
 * What a passphrase costs here with the vault's default scrypt parameters: one derivation (= one guess for an
 * attacker), a whole unlock, and the one-off first unlock of an older N=2^15 vault, which also raises it.
 *   npx tsx tests/vault/measure-scrypt.ts [rounds]
 * Wall time depends on what else runs; the process CPU time (every thread, the scrypt thread included) is
 * what one derivation costs on this machine's cores. Quote the spread, not only the median.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SCRYPT_PARAMS, openVault } from '../../electron/core/vault/index';
import { deriveKey, newScryptSettings } from '../../electron/core/vault/scrypt';
import { PASSPHRASE, confStore, tempDirectory } from './support';

const rounds = Number(process.argv[2] ?? 5);
const OLD_VAULT = join(import.meta.dirname, 'fixtures', 'vault-v1-scrypt-2e15.json');

async function timed(label: string, prepare: () => Promise<() => Promise<void>>): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const run = await prepare();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(`${label}: wall ${spread(wall)}; CPU ${spread(cpu)}`);
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (value: number | undefined): string => (value ?? Number.NaN).toFixed(0);
  return `median ${ms(sorted[Math.floor(sorted.length / 2)])} ms (min ${ms(sorted[0])}, max ${ms(sorted.at(-1))})`;
}

const { N, r, p } = DEFAULT_SCRYPT_PARAMS;
console.log(`scrypt N=2^${Math.log2(N)} r=${r} p=${p} (${(128 * N * r) / 2 ** 20} MiB per derivation), ${rounds} rounds`);

await timed('one derivation (one guess)', () => {
  const settings = newScryptSettings(DEFAULT_SCRYPT_PARAMS);
  return Promise.resolve(async () => void (await deriveKey('measure this passphrase', settings)));
});

const made = await tempDirectory();
const maker = await openVault({ store: { directory: made.path } });
await maker.createWithPassphrase(PASSPHRASE);
await maker.close();
await timed('unlock of a vault at the target', () =>
  Promise.resolve(async () => {
    const vault = await openVault({ store: { directory: made.path } });
    await vault.unlock(PASSPHRASE);
    await vault.close();
  }),
);
await made.remove();

await timed('first unlock of an N=2^15 vault (unlock, then raised to the target and written)', async () => {
  const dir = await tempDirectory();
  await copyFile(OLD_VAULT, confStore(dir.path).path);
  return async () => {
    const vault = await openVault({ store: { directory: dir.path } });
    await vault.unlock(PASSPHRASE);
    await vault.close();
    await dir.remove();
  };
});
