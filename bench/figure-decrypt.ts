import { createDecipheriv } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { deriveVaultKeys } from '../electron/core/vault/vault-keys';
import type { BenchScale, FigureResult } from './figure';
import { verdictOf } from './figure';
import { measure, mirrored, settle } from './measure';
import { round, spreadOf } from './stats';
import { accountsOnDisk } from './vault-fixture';
import type { BenchVault } from './vault-fixture';

interface StoredAccount {
  id: string;
  email: string;
  host: string;
  secrets: Record<'exchangeToken' | 'refreshToken' | 'accessToken', string>;
}

const FIELDS = ['exchangeToken', 'refreshToken', 'accessToken'] as const;

/** The bare minimum: base64-decode nonce and body, AES-256-GCM decrypt with the associated data, to text. */
function rawDecrypt(key: KeyObject, sealed: string, associatedData: string): string {
  const dot = sealed.indexOf('.');
  const nonce = Buffer.from(sealed.slice(0, dot), 'base64');
  const body = Buffer.from(sealed.slice(dot + 1), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
}

/** Figure 5: every secret of N accounts through storage.readSecrets vs a raw AES-256-GCM loop over the same ciphertexts. */
export async function decryptFigure(scale: BenchScale, bench: BenchVault): Promise<FigureResult> {
  const count = scale.accounts;
  const [headerLine] = (await readFile(bench.vault.path, 'utf8')).split('\n', 1);
  const header = JSON.parse(headerLine?.slice(0, headerLine.length - 88) ?? '{}') as { key?: { kind: string; blob?: string } };
  if (header.key?.kind !== 'os-keychain' || header.key.blob === undefined) throw new Error('The bench vault is not protected by the bench keychain.');
  const dataKey = Buffer.from(await bench.os.decryptString(Buffer.from(header.key.blob, 'base64')), 'base64');
  // The floor uses the key as a KeyObject too (the fastest way Node offers to decrypt many values under one key).
  const keys = deriveVaultKeys(dataKey);
  const sealKey = keys.seal;
  const accounts = [...(await accountsOnDisk(bench.vault.path)).values()] as unknown as StoredAccount[];
  const ids = accounts.map((account) => account.id);
  if (ids.length !== count) throw new Error(`The bench vault holds ${ids.length} accounts, expected ${count}.`);

  let sink = 0;
  const viaStorage = async (): Promise<void> => {
    for (let repeat = 0; repeat < scale.innerRepeats; repeat += 1) {
      for (const id of ids) {
        const secrets = await bench.vault.storage.readSecrets(id);
        sink += secrets.exchangeToken.length;
      }
    }
  };
  const raw = (): Promise<void> => {
    for (let repeat = 0; repeat < scale.innerRepeats; repeat += 1) {
      for (const account of accounts) {
        for (const field of FIELDS) {
          // The same associated data the vault binds (format, version, id, e-mail, host, field), built the same way.
          const context = JSON.stringify(['winbooks-token-manager-vault', 2, account.id, account.email, account.host, field]);
          sink += rawDecrypt(sealKey, account.secrets[field], context).length;
        }
      }
    }
    return Promise.resolve();
  };
  await viaStorage();
  await raw();
  const ratios: number[] = [];
  const storageMs: number[] = [];
  const rawMs: number[] = [];
  for (let run = 0; run < scale.runs; run += 1) {
    await settle();
    const [storage, bare] = await mirrored(run, () => measure(viaStorage), () => measure(raw));
    ratios.push(storage.wallMs / bare.wallMs);
    storageMs.push(storage.wallMs / (2 * scale.innerRepeats));
    rawMs.push(bare.wallMs / (2 * scale.innerRepeats));
  }
  if (sink === 0) throw new Error('Nothing was decrypted.');
  dataKey.fill(0);
  keys.destroy();
  const ratio = spreadOf(ratios);
  return {
    id: 5,
    name: 'decrypt-all',
    title: `Decrypt every secret of ${count} accounts`,
    baseline: 'raw AES-256-GCM decrypt loop over the same ciphertexts (from the vault file)',
    target: 1.3,
    ratioMeaning: `storage.readSecrets for all ${count} / raw loop over ${count * 3} ciphertexts`,
    ratio,
    absolute: { readSecretsMsMedian: round(spreadOf(storageMs).median), rawLoopMsMedian: round(spreadOf(rawMs).median) },
    verdict: verdictOf(ratio, 1.3),
    notes: [`each run: both sides twice in mirrored order (A B B A), ${scale.innerRepeats} passes each time; ratio of the sums`],
  };
}
