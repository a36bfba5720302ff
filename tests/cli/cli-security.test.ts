import assert from 'node:assert/strict';
import { chmod, chown, lstat, readFile, stat, writeFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { sessionFilePath } from '../../electron/core/command-line/app-data-dir';
import { MAX_REQUEST_BYTES } from '../../electron/core/command-line/protocol';
import { sessionFileSchema } from '../../electron/core/command-line/session-file';
import { rawRequest, startCliHarness, type CliHarness } from './cli-harness';

/** Who may talk to the socket: only the user who runs the app, presenting this session's secret. */

const OTHER_UID = 65534;
const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

let harness: CliHarness;

before(async () => {
  harness = await startCliHarness();
  await harness.addAccount('Acme Bakery', 'accounting@acme.example.be');
});

after(async () => {
  await harness.close();
});

async function session() {
  return sessionFileSchema.parse(JSON.parse(await readFile(sessionFilePath(harness.dataDirectory), 'utf8')));
}

function auditOutcomes(): string[] {
  return harness.server.entries().map((entry) => entry.outcome);
}

describe('files and modes', { skip: !posix && 'POSIX modes only' }, () => {
  test('the socket and the session file are 0600 and the session holds a 32-byte hex secret', async () => {
    const current = await session();
    assert.equal(current.socket, harness.server.address());
    assert.equal(current.pid, process.pid);
    assert.match(current.secret, /^[0-9a-f]{64}$/u);
    const socketStats = await lstat(current.socket);
    assert.ok(socketStats.isSocket());
    assert.equal(socketStats.mode & 0o777, 0o600);
    assert.equal((await stat(sessionFilePath(harness.dataDirectory))).mode & 0o777, 0o600);
  });
});

describe('the secret', () => {
  test('a request with a wrong or missing secret is refused and counted, not audited', async () => {
    const { socket, secret } = await session();
    const auditedBefore = harness.server.entries().length;
    const countedBefore = harness.server.counters().unauthenticated;
    const wrong = secret.replace(/^./u, secret.startsWith('0') ? '1' : '0');
    for (const presented of [{ secret: wrong }, {}, { secret: '' }]) {
      const answer = await rawRequest(socket, `${JSON.stringify({ v: 1, id: 'r1', command: 'get', args: { account: 'Acme Bakery' }, ...presented })}\n`);
      assert.equal(answer.ok, false);
      assert.deepEqual((answer.error as { code: string }).code, 'unauthorized');
      assert.ok(!JSON.stringify(answer).includes('gAAAA'), 'no token in a refusal');
    }
    assert.equal(harness.server.entries().length, auditedBefore);
    assert.equal(harness.server.counters().unauthenticated, countedBefore + 3);
  });

  test('the CLI with a session file holding another secret is refused and exits 5', async () => {
    const path = sessionFilePath(harness.dataDirectory);
    const original = await readFile(path, 'utf8');
    const current = await session();
    try {
      await writeFile(path, JSON.stringify({ ...current, secret: 'f'.repeat(64) }), { mode: 0o600 });
      const run = await harness.runCli(['get', 'Acme Bakery']);
      assert.equal(run.code, 5);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /session secret is missing or wrong/u);
    } finally {
      await writeFile(path, original, { mode: 0o600 });
    }
  });

  test('the correct secret works (the same raw request succeeds)', async () => {
    const { socket, secret } = await session();
    const answer = await rawRequest(socket, `${JSON.stringify({ v: 1, secret, id: 'r2', command: 'status' })}\n`);
    assert.equal(answer.ok, true, JSON.stringify(answer));
    assert.equal(answer.id, 'r2');
  });
});

describe('malformed requests', () => {
  test('an oversized line, another protocol version and invalid arguments get plain refusals', async () => {
    const { socket, secret } = await session();
    const huge = await rawRequest(socket, `${'x'.repeat(MAX_REQUEST_BYTES + 10)}\n`);
    assert.equal((huge.error as { code: string }).code, 'request-too-large');
    assert.notEqual(auditOutcomes().at(-1), 'request-too-large', 'an unauthenticated request is only counted');

    const version = await rawRequest(socket, `${JSON.stringify({ v: 2, secret, id: 'v', command: 'list' })}\n`);
    assert.equal((version.error as { code: string }).code, 'unsupported-version');

    const bad = await rawRequest(socket, `${JSON.stringify({ v: 1, secret, id: 'b', command: 'get', args: { account: '' } })}\n`);
    assert.equal((bad.error as { code: string }).code, 'bad-request');
    const notJson = await rawRequest(socket, 'hello\n');
    assert.equal((notJson.error as { code: string }).code, 'bad-request');
  });
});

describe('ownership checks in the CLI', { skip: (!isRoot || !posix) && 'needs root to hand a file to another uid' }, () => {
  test('a socket owned by another user is refused (exit 5) without connecting', async () => {
    const { socket } = await session();
    const served = harness.server.entries().length;
    await chown(socket, OTHER_UID, OTHER_UID);
    try {
      const run = await harness.runCli(['get', 'Acme Bakery']);
      assert.equal(run.code, 5);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, new RegExp(`Refusing to talk to the app: The socket .+ belongs to another user \\(uid ${OTHER_UID}`, 'u'));
      assert.equal(harness.server.entries().length, served, 'the CLI never sent a request');
    } finally {
      await chown(socket, 0, 0);
    }
  });

  test('a session file owned by another user, or readable by others, is refused', async () => {
    const path = sessionFilePath(harness.dataDirectory);
    await chown(path, OTHER_UID, OTHER_UID);
    try {
      const run = await harness.runCli(['list']);
      assert.equal(run.code, 5);
      assert.match(run.stderr, /The file .+cli-session\.json belongs to another user/u);
    } finally {
      await chown(path, 0, 0);
    }
    await chmod(path, 0o644);
    try {
      const run = await harness.runCli(['list']);
      assert.equal(run.code, 5);
      assert.match(run.stderr, /can be read by other users \(mode 644\)/u);
    } finally {
      await chmod(path, 0o600);
    }
    const healthy = await harness.runCli(['list']);
    assert.equal(healthy.code, 0, healthy.stderr);
  });

  test('a data folder others can write to is refused by the CLI and by the server', async () => {
    await chmod(harness.dataDirectory, 0o777);
    try {
      const run = await harness.runCli(['list']);
      assert.equal(run.code, 5);
      assert.match(run.stderr, /can be written by other users/u);
      await harness.server.stop();
      await assert.rejects(harness.server.start(), /can be written by other users/u);
      assert.equal(harness.server.isRunning(), false);
    } finally {
      await chmod(harness.dataDirectory, 0o700);
    }
    await harness.server.start();
    const run = await harness.runCli(['list']);
    assert.equal(run.code, 0, run.stderr);
  });
});
