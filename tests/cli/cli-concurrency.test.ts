import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCliHarness, type CliHarness } from './cli-harness';

/** The app is the only one that refreshes: 20 scripts asking at once for an expiring token cause one token request. */

const EMAIL = 'ledger@expiring.example.be';
let harness: CliHarness;

before(async () => {
  harness = await startCliHarness();
  // The current token has 100 s left, less than the 120 s every get asks for; the next one lasts an hour.
  await harness.addAccount('Expiring Ltd', EMAIL, { accessLifetimeSeconds: 100 });
  harness.sandbox.setAccessLifetime(EMAIL, 3600);
});

after(async () => {
  await harness.close();
});

test('20 concurrent get calls for one expiring account make exactly one token request', async () => {
  const requestsBefore = harness.sandbox.tokenRequestCount(EMAIL);
  assert.equal(requestsBefore, 1, 'only the exchange made when the account was added');

  const runs = await Promise.all(Array.from({ length: 20 }, () => harness.runCli(['get', 'Expiring Ltd', '--min-valid', '120'])));

  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  assert.equal(harness.sandbox.tokenRequestCount(EMAIL), requestsBefore + 1);
  const tokens = new Set(runs.map((run) => run.stdout));
  assert.equal(tokens.size, 1, 'every caller got the one new token');
  const [token] = tokens;
  assert.ok(token !== undefined && harness.sandbox.isAccessTokenValid(token));
  const audited = harness.server.entries().filter((entry) => entry.command === 'get');
  assert.equal(audited.length, 20);
  assert.ok(audited.every((entry) => entry.account === 'Expiring Ltd' && entry.outcome === 'ok'));
});
