import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { access, lstat, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { sessionFilePath } from '../../electron/core/command-line/app-data-dir';
import { sessionFileSchema } from '../../electron/core/command-line/session-file';
import { rawRequest, startCliHarness, type CliHarness } from './cli-harness';

/** The socket follows the cliEnabled setting: stop() removes socket and session file, start() begins a new session. */

let harness: CliHarness;

before(async () => {
  harness = await startCliHarness();
});

after(async () => {
  await harness.close();
});

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

async function currentSession() {
  return sessionFileSchema.parse(JSON.parse(await readFile(sessionFilePath(harness.dataDirectory), 'utf8')));
}

test('stop removes the socket and the session file; start creates a new secret and the old one is refused', async () => {
  const first = await currentSession();
  assert.ok(harness.server.isRunning());

  await harness.server.stop();
  assert.equal(harness.server.isRunning(), false);
  assert.equal(harness.server.address(), null);
  assert.equal(await exists(first.socket), false, 'socket removed');
  assert.equal(await exists(sessionFilePath(harness.dataDirectory)), false, 'session file removed');
  await harness.server.stop();

  await harness.server.start();
  await harness.server.start();
  const second = await currentSession();
  assert.notEqual(second.secret, first.secret);
  const stale = await rawRequest(second.socket, `${JSON.stringify({ v: 1, secret: first.secret, id: 'old', command: 'status' })}\n`);
  assert.equal((stale.error as { code: string }).code, 'unauthorized');
  const fresh = await rawRequest(second.socket, `${JSON.stringify({ v: 1, secret: second.secret, id: 'new', command: 'status' })}\n`);
  assert.equal(fresh.ok, true);
});

test('toggling quickly ends in the last state asked for', async () => {
  await Promise.all([harness.server.stop(), harness.server.start(), harness.server.stop(), harness.server.start()]);
  assert.ok(harness.server.isRunning());
  const run = await harness.runCli(['status']);
  assert.equal(run.code, 0, run.stderr);
});

test('a socket file left by a crashed run is replaced; a live one belonging to another server is not', { skip: process.platform === 'win32' && 'Unix sockets only' }, async () => {
  const { socket } = await currentSession();
  await harness.server.stop();

  // Another process listening on the same path: the app must not take it over.
  const squatter = createServer((connection) => connection.destroy());
  await new Promise<void>((resolve) => squatter.listen(socket, resolve));
  try {
    await assert.rejects(harness.server.start(), /another copy of the app already listens/u);
  } finally {
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
  }

  await leaveDeadSocket(socket);
  assert.ok((await lstat(socket)).isSocket(), 'a dead socket file is in the way');
  await harness.server.start();
  assert.ok(harness.server.isRunning());
  const run = await harness.runCli(['status']);
  assert.equal(run.code, 0, run.stderr);
});

/** A process that listens on the path and is killed: the socket file stays behind, as after a crash. */
async function leaveDeadSocket(path: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(path)}, () => console.log('ready'))`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

test('the audit list reports each new entry to listeners', async () => {
  const seen: string[] = [];
  const unsubscribe = harness.server.onAuditChange((entry) => seen.push(`${entry.command}:${entry.outcome}`));
  try {
    const run = await harness.runCli(['list']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(seen, ['list:ok']);
  } finally {
    unsubscribe();
  }
});
