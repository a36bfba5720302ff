import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditEntrySchema } from '../../electron/shared/ipc-contract';
import { APP_VERSION, startCliHarness, type CliHarness } from './cli-harness';

/** Every command and exit code through the real winbooks-token process, against the real lifecycle and sandbox. */

let harness: CliHarness;

before(async () => {
  harness = await startCliHarness();
  await harness.addAccount('Acme Bakery', 'accounting@acme.example.be');
  await harness.addAccount('Brasserie Dupont', 'books@dupont.example.be');
  await harness.addAccount('Cafe Lumiere', 'compta@lumiere.example.be');
});

after(async () => {
  await harness.close();
});

function lastAudit() {
  const entries = harness.server.entries();
  const last = entries.at(-1);
  assert.ok(last, 'an audit entry was written');
  return last;
}

describe('winbooks-token commands', () => {
  test('--help prints usage on stdout and exits 0', async () => {
    const run = await harness.runCli(['--help']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /winbooks-token get <label\|e-mail>/u);
    assert.match(run.stdout, /4 {2}the account needs a new exchange token/u);
  });

  test('list shows every account; --json gives label, e-mail, host, status and expiry', async () => {
    const table = await harness.runCli(['list']);
    assert.equal(table.code, 0, table.stderr);
    for (const label of ['Acme Bakery', 'Brasserie Dupont', 'Cafe Lumiere']) assert.match(table.stdout, new RegExp(label, 'u'));
    assert.match(table.stdout, /^LABEL +E-MAIL +HOST +STATUS +EXPIRES$/mu);

    const json = await harness.runCli(['list', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const accounts = JSON.parse(json.stdout) as { label: string; email: string; host: string; status: string; expires_at: string | null }[];
    const acme = accounts.find((account) => account.label === 'Acme Bakery');
    assert.ok(acme);
    assert.equal(acme.email, 'accounting@acme.example.be');
    assert.equal(acme.host, harness.sandbox.baseUrl);
    assert.equal(acme.status, 'ready');
    assert.ok(acme.expires_at !== null && !Number.isNaN(Date.parse(acme.expires_at)));
    assert.deepEqual(lastAudit(), { at: lastAudit().at, command: 'list', account: null, outcome: 'ok' });
  });

  test('get prints exactly the token on stdout, found by label or e-mail in any case', async () => {
    const byLabel = await harness.runCli(['get', 'acme bakery']);
    assert.equal(byLabel.code, 0, byLabel.stderr);
    assert.equal(byLabel.stderr, '');
    assert.ok(harness.sandbox.isAccessTokenValid(byLabel.stdout), 'stdout is exactly a valid access token');
    assert.ok(harness.sandbox.issuedSecrets().includes(byLabel.stdout));

    const byEmail = await harness.runCli(['get', 'ACCOUNTING@acme.example.be']);
    assert.equal(byEmail.code, 0, byEmail.stderr);
    assert.equal(byEmail.stdout, byLabel.stdout, 'the same still-valid token, without a new request');
    assert.deepEqual(lastAudit(), { at: lastAudit().at, command: 'get', account: 'Acme Bakery', outcome: 'ok' });
  });

  test('get --format header and --format json', async () => {
    const header = await harness.runCli(['get', 'Brasserie Dupont', '--format', 'header']);
    assert.equal(header.code, 0, header.stderr);
    const match = /^Authorization: Bearer (\S+)$/u.exec(header.stdout);
    assert.ok(match?.[1] && harness.sandbox.isAccessTokenValid(match[1]), header.stdout.length > 0 ? 'a bearer header' : 'no output');

    const json = await harness.runCli(['get', 'Brasserie Dupont', '--format', 'json', '--min-valid', '60']);
    assert.equal(json.code, 0, json.stderr);
    const body = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.equal(body.access_token, match[1]);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(typeof body.expires_at, 'string');
    assert.equal(new Date(String(body.expires_at)).toISOString(), body.expires_at, 'expires_at is an ISO instant');
    assert.equal(body.api_base, harness.sandbox.baseUrl);
  });

  test('refresh <label> asks Winbooks for a new token; refresh --all refreshes every account', async () => {
    const before = harness.sandbox.tokenRequestCount('compta@lumiere.example.be');
    const one = await harness.runCli(['refresh', 'Cafe Lumiere']);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /^Refreshed "Cafe Lumiere": the access token is valid until /u);
    assert.equal(harness.sandbox.tokenRequestCount('compta@lumiere.example.be'), before + 1);
    assert.deepEqual(lastAudit(), { at: lastAudit().at, command: 'refresh', account: 'Cafe Lumiere', outcome: 'ok' });

    const total = harness.sandbox.tokenRequestCount();
    const all = await harness.runCli(['refresh', '--all']);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /Refreshed 3 account\(s\); skipped 0; 0 failed\./u);
    assert.equal(harness.sandbox.tokenRequestCount(), total + 3);
    assert.equal(lastAudit().command, 'refresh-all');
  });

  test('status reports the app version, the vault and the accounts per status', async () => {
    const text = await harness.runCli(['status']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`Winbooks Token Manager ${APP_VERSION.replaceAll('.', '\\.')} is running; vault unlocked\\.`, 'u'));
    assert.match(text.stdout, /Accounts: 3 \(3 ready\)\./u);

    const json = await harness.runCli(['status', '--json']);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), { appVersion: APP_VERSION, vault: 'open', accounts: 3, byStatus: { ready: 3 } });
  });

  test('exec runs the command with the token and API base set and passes on its exit code', async () => {
    const script =
      'const t = process.env.WINBOOKS_ACCESS_TOKEN ?? ""; const b = process.env.WINBOOKS_API_BASE ?? "";' +
      'process.stdout.write(JSON.stringify({ t, b })); process.exit(7);';
    const run = await harness.runCli(['exec', 'Acme Bakery', '--', process.execPath, '-e', script]);
    assert.equal(run.code, 7, run.stderr);
    const seen = JSON.parse(run.stdout) as { t: string; b: string };
    assert.ok(harness.sandbox.isAccessTokenValid(seen.t));
    assert.equal(seen.b, harness.sandbox.baseUrl);

    const missing = await harness.runCli(['exec', 'Acme Bakery', '--', 'surely-no-such-command-wtm']);
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /command not found/u);
  });

  test('usage errors exit 2 with a message on stderr and nothing on stdout', async () => {
    for (const args of [['get'], ['get', 'Acme Bakery', '--min-valid', 'soon'], ['get', 'Acme Bakery', '--format', 'xml'], ['frobnicate'], ['exec', 'Acme Bakery', 'ls'], ['list', '--colour']]) {
      const run = await harness.runCli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^winbooks-token: .+\nRun "winbooks-token --help" for usage\.\n$/u);
    }
  });

  test('an unknown account exits 3 and suggests the closest labels', async () => {
    const run = await harness.runCli(['get', 'Acme Bakry']);
    assert.equal(run.code, 3);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /No account is labelled "Acme Bakry"/u);
    assert.match(run.stderr, /Did you mean: "Acme Bakery"\?/u);
    assert.deepEqual(lastAudit(), { at: lastAudit().at, command: 'get', account: null, outcome: 'unknown-account' });

    const far = await harness.runCli(['refresh', 'Zebra Holdings']);
    assert.equal(far.code, 3);
    assert.match(far.stderr, /Run "winbooks-token list" to see the accounts\./u);
  });

  test('Winbooks unreachable exits 6', async () => {
    harness.sandbox.injectFault('unavailable-503', { email: 'books@dupont.example.be', times: 1 });
    const run = await harness.runCli(['refresh', 'Brasserie Dupont']);
    assert.equal(run.code, 6, run.stderr);
    assert.match(run.stderr, /Winbooks could not be reached/u);
    assert.deepEqual(lastAudit(), { at: lastAudit().at, command: 'refresh', account: 'Brasserie Dupont', outcome: 'winbooks-unreachable' });
  });

  test('a revoked grant exits 4 (needs a new exchange token), for refresh and then for get', async () => {
    harness.sandbox.revokeGrant('compta@lumiere.example.be');
    const refresh = await harness.runCli(['refresh', 'Cafe Lumiere']);
    assert.equal(refresh.code, 4, refresh.stderr);
    assert.match(refresh.stderr, /new exchange token/u);
    const get = await harness.runCli(['get', 'Cafe Lumiere']);
    assert.equal(get.code, 4, get.stderr);
    assert.equal(get.stdout, '');
    assert.equal(lastAudit().outcome, 'needs-exchange-token');
  });

  test('a locked app exits 5 and says to unlock it; status still answers', async () => {
    harness.setVaultState('locked');
    try {
      const get = await harness.runCli(['get', 'Acme Bakery']);
      assert.equal(get.code, 5);
      assert.match(get.stderr, /locked\. Open the app and unlock it/u);
      const status = await harness.runCli(['status']);
      assert.equal(status.code, 0, status.stderr);
      assert.match(status.stdout, /vault LOCKED: unlock it in the app window/u);
    } finally {
      harness.setVaultState('open');
    }
  });

  test('every request was audited, in the contract shape, and no entry holds a token', () => {
    const entries = harness.server.entries();
    // One per CLI run above that reached the app: --help and usage errors never connect.
    assert.equal(entries.length, 19);
    for (const entry of entries) assert.ok(auditEntrySchema.safeParse(entry).success, JSON.stringify(entry));
    const text = JSON.stringify(entries);
    const secrets = harness.sandbox.issuedSecrets();
    assert.ok(secrets.length > 5);
    for (const secret of secrets) assert.ok(!text.includes(secret), 'an audit entry contains a token');
  });
});

describe('winbooks-token when the app is not running', () => {
  test('exits 5 and says how to start the app', async () => {
    const stopped = await startCliHarness();
    await stopped.server.stop();
    try {
      const run = await stopped.runCli(['list']);
      assert.equal(run.code, 5);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /not running, or its command line is turned off\. Start the app/u);
    } finally {
      await stopped.close();
    }
  });
});
