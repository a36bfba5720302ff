import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DATA_DIRECTORY_ENV, sessionFilePath, UNIX_SOCKET_FILE_NAME } from '../../electron/core/command-line/app-data-dir';
import { PROTOCOL_VERSION } from '../../electron/core/command-line/protocol';
import { sessionFileSchema } from '../../electron/core/command-line/session-file';
import { PROJECT_ROOT, rawRequest, runCliProcess, startCliHarness, type CliHarness } from './cli-harness';

/** The version handshake: a CLI and an app that speak different protocol versions say so in words a person can act on. */

const posix = process.platform !== 'win32';

describe('the app refuses another protocol version', () => {
  let harness: CliHarness;
  before(async () => {
    harness = await startCliHarness();
  });
  after(async () => {
    await harness.close();
  });

  test('with a message naming both versions and the fix, before looking at the secret', async () => {
    const { socket } = sessionFileSchema.parse(JSON.parse(await readFile(sessionFilePath(harness.dataDirectory), 'utf8')));
    const newer = await rawRequest(socket, `${JSON.stringify({ v: PROTOCOL_VERSION + 1, secret: 'not-checked', id: 'v', command: 'list' })}\n`);
    assert.equal(newer.ok, false);
    assert.equal(newer.id, 'v');
    const { code, message } = newer.error as { code: string; message: string };
    assert.equal(code, 'unsupported-version');
    assert.match(message, new RegExp(`speaks version ${PROTOCOL_VERSION + 1} of the command-line protocol; the running Winbooks Token Manager speaks version ${PROTOCOL_VERSION}\\.`, 'u'));
    assert.match(message, /winbooks-token --version/u);
    const none = await rawRequest(socket, `${JSON.stringify({ id: 'n', command: 'list' })}\n`);
    assert.match((none.error as { message: string }).message, /speaks no version of the command-line protocol/u);
  });
});

describe('a CLI meeting an app of another protocol version', { skip: !posix && 'Unix socket stand-in' }, () => {
  const FUTURE = PROTOCOL_VERSION + 1;
  const REFUSAL = `This winbooks-token speaks version ${PROTOCOL_VERSION} of the command-line protocol; the running Winbooks Token Manager speaks version ${FUTURE}. Use the winbooks-token installed with the app.`;
  let directory: string;
  let app: Server;

  /** A future app: its session file and socket follow the frozen handshake, and it refuses version 1. */
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'wtm-cli-future-'));
    await chmod(directory, 0o700);
    const socket = join(directory, UNIX_SOCKET_FILE_NAME);
    app = createServer((connection) => {
      connection.once('data', (chunk: Buffer) => {
        const { id } = JSON.parse(chunk.toString('utf8')) as { id: string };
        connection.end(`${JSON.stringify({ v: FUTURE, id, ok: false, error: { code: 'unsupported-version', message: REFUSAL } })}\n`);
      });
    });
    await new Promise<void>((resolve) => app.listen(socket, resolve));
    await chmod(socket, 0o600);
    const session = sessionFilePath(directory);
    await writeFile(session, `${JSON.stringify({ v: FUTURE, socket, secret: 'f'.repeat(64), pid: process.pid, capabilities: ['new'] })}\n`, { mode: 0o600 });
  });

  after(async () => {
    await new Promise((resolve) => app.close(resolve));
    await rm(directory, { recursive: true, force: true });
  });

  test("reads the app's session file, sends its request and shows the app's refusal (exit 1)", async () => {
    const run = await runCliProcess(['get', 'Acme Bakery'], { [DATA_DIRECTORY_ENV]: directory });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `winbooks-token: ${REFUSAL}\n`);
  });
});

test("winbooks-token --version prints the app's version (package.json)", async () => {
  const { version } = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v']) {
    const run = await runCliProcess([flag], {});
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${version}\n`);
  }
});
