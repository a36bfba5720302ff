import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountRecord, AccountSecrets } from '../electron/core/tokens/account-storage';
import { openVault } from '../electron/core/vault';
import type { VaultHandle } from '../electron/core/vault';
import { newAccessToken, newRefreshToken } from '../tests/sandbox/sandbox-tokens';
import { BenchOsEncryption } from './fake-os-encryption';
import { benchGrant } from './sandbox-protocol';

/** A vault in a temp directory, protected by the bench's in-memory "keychain" (real AES). */
export interface BenchVault {
  directory: string;
  os: BenchOsEncryption;
  vault: VaultHandle;
  open(): Promise<VaultHandle>;
  remove(): Promise<void>;
}

export async function createBenchVault(label: string): Promise<BenchVault> {
  const directory = await mkdtemp(join(tmpdir(), `wtm-bench-${label}-`));
  const os = new BenchOsEncryption();
  const open = (): Promise<VaultHandle> => openVault({ store: { directory }, osEncryption: os });
  const vault = await open();
  if (vault.state().state !== 'open') throw new Error(`Bench vault did not open: ${vault.state().reason ?? vault.state().state}`);
  return {
    directory,
    os,
    vault,
    open,
    remove: async () => {
      await vault.close().catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export interface FixtureAccountsOptions {
  prefix: string;
  count: number;
  host: string;
  /** 'exchange-only': no refresh or access token yet (the first refresh exchanges); 'realistic': token-shaped secrets. */
  secrets: 'exchange-only' | 'realistic';
  now?: number;
}

/** An account as the lifecycle would have stored it, its access token valid for 15 minutes from `now`. */
export function fixtureAccount(options: FixtureAccountsOptions, index: number): { record: AccountRecord; secrets: AccountSecrets } {
  const now = options.now ?? Date.now();
  const grant = benchGrant(options.prefix, index);
  const record: AccountRecord = {
    id: `bench-${options.prefix}-${index}`,
    label: `Client ${options.prefix} ${index}`,
    email: grant.email,
    host: options.host,
    autoRefresh: true,
    createdAt: now,
    lastUsedAt: null,
    accessIssuedAt: now,
    accessExpiresAt: now + 900_000,
    lastRefreshAt: now,
    needsExchangeToken: false,
    refreshSentAt: null,
    lastError: null,
  };
  const secrets: AccountSecrets =
    options.secrets === 'realistic'
      ? { exchangeToken: grant.exchangeToken, refreshToken: newRefreshToken(), accessToken: newAccessToken() }
      : { exchangeToken: grant.exchangeToken, refreshToken: null, accessToken: null };
  return { record, secrets };
}

/** Saves `count` accounts into the vault (one group-committed burst) and waits until they are durable. */
export async function fillVault(vault: VaultHandle, options: FixtureAccountsOptions): Promise<void> {
  const saves: Promise<void>[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const { record, secrets } = fixtureAccount(options, index);
    saves.push(vault.storage.save(record, secrets));
  }
  await Promise.all(saves);
  await vault.flush();
}

/**
 * What the vault file (format 2: JSON lines `<body> <line mac> <chain tag>`) holds for each account, newest line
 * winning, read without the key: for checks that a change reached the disk, never to trust anything.
 */
export async function accountsOnDisk(path: string): Promise<Map<string, Record<string, unknown>>> {
  const accounts = new Map<string, Record<string, unknown>>();
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    if (line === '') continue;
    const body = JSON.parse(line.slice(0, line.length - 88)) as Record<string, unknown>;
    if (body.s === 0 || typeof body.id !== 'string') continue;
    if (body.removed === true) accounts.delete(body.id);
    else accounts.set(body.id, { ...accounts.get(body.id), ...body });
  }
  return accounts;
}
