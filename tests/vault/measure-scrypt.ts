/** Measures what one passphrase guess costs here with the vault's default scrypt parameters: npx tsx tests/vault/measure-scrypt.ts */
import { DEFAULT_SCRYPT_PARAMS } from '../../electron/core/vault/index';
import { deriveKey, newScryptSettings } from '../../electron/core/vault/scrypt';

const rounds = 5;
const timings: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const settings = newScryptSettings(DEFAULT_SCRYPT_PARAMS);
  const started = performance.now();
  await deriveKey('measure this passphrase', settings);
  timings.push(performance.now() - started);
}
const sorted = [...timings].sort((a, b) => a - b);
const { N, r, p } = DEFAULT_SCRYPT_PARAMS;
console.log(
  `scrypt N=2^${Math.log2(N)} r=${r} p=${p} (${(128 * N * r) / 2 ** 20} MiB): median ${sorted[Math.floor(rounds / 2)]?.toFixed(0)} ms, ` +
    `all ${timings.map((t) => t.toFixed(0)).join(', ')} ms`,
);
