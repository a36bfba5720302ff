import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIRECTORY_ENV } from '../../electron/core/command-line/app-data-dir';
import { CliServer } from '../../electron/core/command-line/cli-server';
import type { VaultStateName } from '../../electron/core/command-line/command-handlers';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import type { AccountSummary } from '../../electron/shared/account-summary';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import { ManualClock } from '../support/manual-clock';

/**
 * The CLI server on the real token lifecycle and the real sandbox, in a private temporary data directory,
 * plus a way to run the real winbooks-token process against it. The manual clock never moves on its own,
 * so no scheduled refresh runs behind a test's back.
 */

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_ENTRY = join(PROJECT_ROOT, 'cli', 'winbooks-token.ts');
export const APP_VERSION = '9.8.7-test';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  dataDirectory: string;
  clock: ManualClock;
  sandbox: WinbooksSandbox;
  lifecycle: TokenLifecycle;
  server: CliServer;
  setVaultState(state: VaultStateName): void;
  /** The accounts the command line may serve (Settings); 'all' by default, so the protocol tests need not care. */
  serveOnly(accountIds: readonly string[] | 'all'): void;
  addAccount(label: string, email: string, options?: { accessLifetimeSeconds?: number }): Promise<AccountSummary>;
  /** Runs `node --import tsx cli/winbooks-token.ts ...args` (what `tsx cli/winbooks-token.ts` does). */
  runCli(args: readonly string[], options?: { env?: Record<string, string> }): Promise<CliRun>;
  close(): Promise<void>;
}

export async function startCliHarness(): Promise<CliHarness> {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'wtm-cli-'));
  const clock = new ManualClock(Date.now());
  const sandbox = await WinbooksSandbox.start({ now: () => clock.now() });
  const lifecycle = new TokenLifecycle({
    client: createWinbooksTokenClient({ now: () => clock.now(), timeoutMs: 20_000 }),
    storage: new InMemoryAccountStorage(),
    clock,
    random: () => 0,
  });
  await lifecycle.start();
  let vaultState: VaultStateName = 'open';
  let served: ReadonlySet<string> | 'all' = 'all';
  const server = new CliServer({
    lifecycle: () => (vaultState === 'open' ? lifecycle : null),
    vaultState: () => vaultState,
    mayServe: (id) => served === 'all' || served.has(id),
    appVersion: APP_VERSION,
    dataDirectory,
  });
  await server.start();
  return {
    dataDirectory,
    clock,
    sandbox,
    lifecycle,
    server,
    setVaultState: (state) => {
      vaultState = state;
    },
    serveOnly: (accountIds) => {
      served = accountIds === 'all' ? 'all' : new Set(accountIds);
    },
    addAccount: (label, email, options = {}) => {
      const grant = sandbox.addGrant({ email, ...options });
      return lifecycle.add({ label, email, host: sandbox.baseUrl, exchangeToken: grant.exchangeToken });
    },
    runCli: (args, options = {}) => runCliProcess(args, { [DATA_DIRECTORY_ENV]: dataDirectory, ...options.env }),
    close: async () => {
      await server.stop();
      lifecycle.stop();
      await sandbox.stop();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

export function runCliProcess(args: readonly string[], env: Record<string, string>, entry: readonly string[] = ['--import', 'tsx', CLI_ENTRY]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

/** Sends one raw line to the socket and returns the parsed answer (for protocol-level tests). */
export function rawRequest(address: string, line: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(address);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(JSON.parse(text) as Record<string, unknown>);
      } catch {
        reject(new Error(`Not a JSON answer: ${JSON.stringify(text.slice(0, 200))}`));
      }
    });
    socket.write(line);
  });
}
