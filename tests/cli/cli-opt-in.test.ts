import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { sessionFilePath } from '../../electron/core/command-line/app-data-dir';
import { sessionFileSchema } from '../../electron/core/command-line/session-file';
import { DEFAULT_SETTINGS } from '../../electron/shared/settings';
import type { AccountSummary } from '../../electron/shared/account-summary';
import { rawRequest, startCliHarness, type CliHarness } from './cli-harness';

/** Finding 4 and 7 of issue 10: the command line serves only the accounts the user chose, and noise cannot evict the audit. */

let harness: CliHarness;
let acme: AccountSummary;
let brico: AccountSummary;

before(async () => {
  harness = await startCliHarness();
  acme = await harness.addAccount('Acme Bakery', 'accounting@acme.example.be');
  brico = await harness.addAccount('Brico Dépôt', 'compta@brico.example.be');
  harness.serveOnly([acme.id]);
});

after(async () => {
  await harness.close();
});

async function session() {
  return sessionFileSchema.parse(JSON.parse(await readFile(sessionFilePath(harness.dataDirectory), 'utf8')));
}

describe('the command line is opt-in', () => {
  test('it is off by default and serves no account until the user chooses some', () => {
    assert.equal(DEFAULT_SETTINGS.cliEnabled, false);
    assert.deepEqual(DEFAULT_SETTINGS.cliAccounts, []);
  });

  test('get for an allowed account works; for another it is refused with its own code and exit 7, and counted apart', async () => {
    const served = await harness.runCli(['get', 'Acme Bakery']);
    assert.equal(served.code, 0, served.stderr);
    const refusedBefore = harness.server.counters().refused;
    const auditBefore = harness.server.entries().length;
    const refused = await harness.runCli(['get', 'Brico Dépôt']);
    assert.equal(refused.code, 7);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /may not serve "Brico Dépôt"/u);
    assert.equal(harness.server.counters().refused, refusedBefore + 1);
    assert.equal(harness.server.entries().length, auditBefore, 'a refused request is counted, not audited');
  });

  test('list and refresh-all see only the allowed accounts; refresh of another is refused', async () => {
    const { socket, secret } = await session();
    const list = await rawRequest(socket, `${JSON.stringify({ v: 1, secret, id: 'l', command: 'list' })}\n`);
    assert.deepEqual((list.result as { accounts: AccountSummary[] }).accounts.map((account) => account.label), ['Acme Bakery']);
    const all = await rawRequest(socket, `${JSON.stringify({ v: 1, secret, id: 'a', command: 'refresh-all' })}\n`);
    assert.deepEqual(all.result, { refreshed: 1, skipped: 0, failed: [] });
    const other = await rawRequest(socket, `${JSON.stringify({ v: 1, secret, id: 'r', command: 'refresh', args: { account: brico.email } })}\n`);
    assert.equal((other.error as { code: string }).code, 'account-not-allowed');
  });

  test('600 unauthenticated requests do not push a real entry out of the audit list', async () => {
    await harness.runCli(['get', 'Acme Bakery']);
    const real = harness.server.entries().at(-1);
    assert.equal(real?.outcome, 'ok');
    const { socket } = await session();
    const before = harness.server.counters().unauthenticated;
    for (let batch = 0; batch < 6; batch += 1) {
      await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          rawRequest(socket, `${JSON.stringify({ v: 1, secret: 'wrong', id: `n${batch}-${index}`, command: 'list' })}\n`),
        ),
      );
    }
    assert.equal(harness.server.counters().unauthenticated, before + 600);
    assert.deepEqual(harness.server.entries().at(-1), real);
  });
});
