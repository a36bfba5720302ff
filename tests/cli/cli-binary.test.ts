import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DATA_DIRECTORY_ENV } from '../../electron/core/command-line/app-data-dir';
import { APP_VERSION, PROJECT_ROOT, startCliHarness, type CliHarness, type CliRun } from './cli-harness';
import { standaloneBinary } from './standalone-binary';

/**
 * The standalone winbooks-token (Node single executable, no Node needed on the machine) against the real CLI
 * server, run with a PATH and an environment in which no `node` can be found.
 */

const skip = process.platform === 'linux' && process.arch === 'x64' ? false : 'the standalone binary is built and run on linux-x64 here';

/** PATH without any folder that holds a node executable. */
function pathWithoutNode(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((folder) => folder !== '' && !existsSync(join(folder, 'node')))
    .join(delimiter);
}

function runBinary(binary: string, args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // No process.env: nothing of this Node (NODE_OPTIONS, npm_*) reaches the binary.
    const child = spawn(binary, args, { env: { PATH: pathWithoutNode(), HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

describe('standalone winbooks-token (no node on PATH)', { skip }, () => {
  let harness: CliHarness;
  let binary: string;
  let env: Record<string, string>;

  before(async () => {
    binary = await standaloneBinary();
    harness = await startCliHarness();
    await harness.addAccount('Acme Bakery', 'accounting@acme.example.be');
    env = { [DATA_DIRECTORY_ENV]: harness.dataDirectory };
  });

  after(async () => {
    await harness?.close();
  });

  test('no node is reachable from the PATH it runs with', async () => {
    const probe = await runBinary('/bin/sh', ['-c', 'command -v node || echo none'], {});
    assert.equal(probe.stdout.trim(), 'none');
  });

  test("--version prints the app's version", async () => {
    const { version } = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runBinary(binary, ['--version'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${version}\n`);
  });

  test('status answers from the running app (exit 0)', async () => {
    const run = await runBinary(binary, ['status', '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    const status = JSON.parse(run.stdout) as { appVersion: string; vault: string; accounts: number };
    assert.deepEqual({ appVersion: status.appVersion, vault: status.vault, accounts: status.accounts }, { appVersion: APP_VERSION, vault: 'open', accounts: 1 });
  });

  test('get prints exactly a token the server accepts (exit 0)', async () => {
    const run = await runBinary(binary, ['get', 'accounting@ACME.example.be'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.ok(harness.sandbox.isAccessTokenValid(run.stdout), 'the token printed is valid at the sandbox');
  });

  test('exit codes: unknown account 3, usage 2, locked 5, app not running 5', async () => {
    const unknown = await runBinary(binary, ['get', 'Nobody'], env);
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /Nobody/u);
    assert.equal((await runBinary(binary, ['get'], env)).code, 2);
    harness.setVaultState('locked');
    try {
      assert.equal((await runBinary(binary, ['get', 'Acme Bakery'], env)).code, 5);
    } finally {
      harness.setVaultState('open');
    }
    const elsewhere = await runBinary(binary, ['status'], { [DATA_DIRECTORY_ENV]: join(harness.dataDirectory, 'no-app-here') });
    assert.equal(elsewhere.code, 5);
    assert.match(elsewhere.stderr, /not running/u);
  });
});
