import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DATA_DIRECTORY_ENV } from '../../electron/core/command-line/app-data-dir';
import { PROJECT_ROOT, runCliProcess, startCliHarness, type CliHarness } from './cli-harness';

/** The bundled CLI (scripts/build-cli.mjs) runs with Node alone: no tsx, no TypeScript, no Electron. */

let harness: CliHarness;
let buildDirectory: string;
let bundle: string;

before(async () => {
  buildDirectory = await mkdtemp(join(tmpdir(), 'wtm-cli-build-'));
  bundle = join(buildDirectory, 'winbooks-token.cjs');
  const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-cli.mjs'), '--outfile', bundle], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  harness = await startCliHarness();
  await harness.addAccount('Acme Bakery', 'accounting@acme.example.be');
});

after(async () => {
  await harness.close();
  await rm(buildDirectory, { recursive: true, force: true });
});

test('the bundle starts with a shebang, imports nothing from electron and prints exactly the token', async () => {
  const text = await readFile(bundle, 'utf8');
  assert.ok(text.startsWith('#!/usr/bin/env node\n'));
  assert.ok(!/require\(["']electron["']\)/u.test(text), 'the bundle requires electron');
  // Start-up time: no dependency (zod above all) is compiled on every call; cli/message-readers.ts reads the answers.
  assert.deepEqual(text.match(/^\/\/ \S*node_modules\/\S*$/gmu) ?? [], [], 'the bundle carries dependencies');

  const run = await runCliProcess(['get', 'Acme Bakery'], { [DATA_DIRECTORY_ENV]: harness.dataDirectory }, [bundle]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(harness.sandbox.isAccessTokenValid(run.stdout));

  const unknown = await runCliProcess(['get', 'Nobody'], { [DATA_DIRECTORY_ENV]: harness.dataDirectory }, [bundle]);
  assert.equal(unknown.code, 3);
});

test('exec works from the bundle, where node:child_process and node:os are loaded only then', async () => {
  const script = "if (!process.env.WINBOOKS_ACCESS_TOKEN) process.exit(9); process.kill(process.pid, 'SIGTERM')";
  const run = await runCliProcess(['exec', 'Acme Bakery', '--', process.execPath, '-e', script], { [DATA_DIRECTORY_ENV]: harness.dataDirectory }, [bundle]);
  assert.equal(run.code, 128 + 15, run.stderr);
});
