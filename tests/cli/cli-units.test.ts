import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closestLabels, findAccount, levenshtein } from '../../electron/core/command-line/account-lookup';
import { appDataDirectory } from '../../electron/core/command-line/app-data-dir';
import { AuditLog } from '../../electron/core/command-line/audit-log';
import { secretMatches } from '../../electron/core/command-line/request-auth';
import { errorCodeSchema, type AccountSummary } from '../../electron/shared/account-summary';
import { auditEntrySchema } from '../../electron/shared/ipc-contract';
import { ExitCode, exitCodeForError } from '../../cli/exit-codes';
import { parseCommandLine } from '../../cli/parse-args';

function account(label: string, email: string): AccountSummary {
  return {
    id: `id-${label.replace(/\W/gu, '')}`,
    label,
    email,
    host: 'https://rapi.winbooksonweb.be',
    hostKind: 'legacy',
    status: 'ready',
    autoRefresh: true,
    accessExpiresAt: null,
    accessIssuedAt: null,
    lastRefreshAt: null,
    nextRefreshAt: null,
    failingSince: null,
    lastError: null,
    lastUsedAt: null,
    createdAt: 0,
  };
}

describe('account lookup', () => {
  const accounts = [account('Acme Bakery', 'a@acme.be'), account('Acme Bikes', 'shared@x.be'), account('Zeta', 'shared@x.be')];

  test('label, then e-mail, ignoring case and surrounding spaces', () => {
    const byLabel = findAccount(accounts, '  ACME bakery ');
    assert.equal(byLabel.kind === 'found' ? byLabel.account.id : null, 'id-AcmeBakery');
    const byEmail = findAccount(accounts, 'A@ACME.BE');
    assert.equal(byEmail.kind === 'found' ? byEmail.account.label : null, 'Acme Bakery');
  });

  test('an e-mail used by several accounts is ambiguous and names them', () => {
    assert.deepEqual(findAccount(accounts, 'shared@x.be'), { kind: 'ambiguous', labels: ['Acme Bikes', 'Zeta'] });
  });

  test('suggestions are the closest labels, nothing when nothing is close', () => {
    assert.deepEqual(closestLabels(accounts, 'acme bakry'), ['Acme Bakery', 'Acme Bikes']);
    assert.deepEqual(closestLabels(accounts, 'zeat'), ['Zeta']);
    assert.deepEqual(closestLabels(accounts, 'completely different'), []);
    assert.equal(levenshtein('kitten', 'sitting'), 3);
  });
});

describe('audit log', () => {
  test('keeps the newest entries up to its capacity, as copies, in the contract shape', () => {
    const log = new AuditLog(3);
    const notified: number[] = [];
    log.onChange((entry) => notified.push(entry.at));
    for (let at = 1; at <= 5; at += 1) log.record({ at, command: 'get', account: 'Acme', outcome: 'ok' });
    const entries = log.entries();
    assert.deepEqual(entries.map((entry) => entry.at), [3, 4, 5]);
    assert.deepEqual(notified, [1, 2, 3, 4, 5]);
    for (const entry of entries) assert.ok(auditEntrySchema.safeParse(entry).success);
    const first = entries[0];
    assert.ok(first);
    first.outcome = 'tampered';
    assert.equal(log.entries()[0]?.outcome, 'ok');
    assert.throws(() => new AuditLog(0), RangeError);
  });
});

describe('secret comparison', () => {
  test('only the exact secret matches; non-strings never do', () => {
    const secret = 'ab'.repeat(32);
    assert.equal(secretMatches(secret, secret), true);
    assert.equal(secretMatches(`${secret}0`, secret), false);
    assert.equal(secretMatches('', secret), false);
    assert.equal(secretMatches(undefined, secret), false);
    assert.equal(secretMatches(42, secret), false);
  });
});

describe('data directory', () => {
  test('matches the Electron userData folder per platform and honours the override', () => {
    const home = '/home/ana';
    assert.equal(appDataDirectory({ platform: 'linux', env: {}, homeDirectory: home }), '/home/ana/.config/Winbooks Token Manager');
    assert.equal(appDataDirectory({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homeDirectory: home }), '/cfg/Winbooks Token Manager');
    assert.equal(appDataDirectory({ platform: 'darwin', env: {}, homeDirectory: '/Users/ana' }), '/Users/ana/Library/Application Support/Winbooks Token Manager');
    assert.match(appDataDirectory({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, homeDirectory: 'C:\\Users\\ana' }), /Roaming.Winbooks Token Manager$/u);
    assert.equal(appDataDirectory({ platform: 'linux', env: { WINBOOKS_TOKEN_MANAGER_DIR: '/tmp/x' }, homeDirectory: home }), '/tmp/x');
  });
});

describe('command line parsing', () => {
  test('commands and their options', () => {
    assert.deepEqual(parseCommandLine(['get', 'Acme']), { ok: true, value: { command: 'get', account: 'Acme', minValidSeconds: 120, format: 'raw' } });
    assert.deepEqual(parseCommandLine(['get', 'Acme', '--min-valid', '0', '--format', 'json']), {
      ok: true,
      value: { command: 'get', account: 'Acme', minValidSeconds: 0, format: 'json' },
    });
    assert.deepEqual(parseCommandLine(['refresh', '--all']), { ok: true, value: { command: 'refresh-all' } });
    assert.deepEqual(parseCommandLine(['exec', 'Acme', '--', 'curl', '--help', '--', 'x']), {
      ok: true,
      value: { command: 'exec', account: 'Acme', minValidSeconds: 120, commandLine: ['curl', '--help', '--', 'x'] },
    });
    assert.deepEqual(parseCommandLine([]), { ok: true, value: { command: 'help' } });
  });

  test('usage errors say what is wrong', () => {
    const message = (argv: string[]): string => {
      const parsed = parseCommandLine(argv);
      assert.equal(parsed.ok, false, argv.join(' '));
      return parsed.ok ? '' : parsed.message;
    };
    assert.match(message(['get', 'My', 'Client']), /put a label with spaces in quotes/u);
    assert.match(message(['get', 'Acme', '--min-valid=-5']), /--min-valid must be a whole number/u);
    assert.match(message(['get', 'Acme', '--min-valid', '1.5']), /--min-valid must be a whole number/u);
    assert.match(message(['get', 'Acme', '--min-valid', '90000']), /from 0 to 86400/u);
    assert.match(message(['refresh', 'Acme', '--all']), /either an account or --all/u);
    assert.match(message(['exec', 'Acme']), /put -- before the command/u);
    assert.match(message(['exec', 'Acme', '--']), /give the command to run/u);
  });
});

describe('exit codes', () => {
  test('every app error code maps to a documented exit code', () => {
    const expected: Record<string, number> = {
      'unknown-account': ExitCode.unknownAccount,
      'needs-exchange-token': ExitCode.needsExchangeToken,
      'refresh-rejected': ExitCode.needsExchangeToken,
      'vault-locked': ExitCode.appUnavailable,
      'winbooks-unreachable': ExitCode.winbooksUnreachable,
      'winbooks-bad-response': ExitCode.winbooksUnreachable,
      'invalid-input': ExitCode.usage,
      internal: ExitCode.failure,
    };
    for (const code of errorCodeSchema.options) {
      const exit = exitCodeForError(code);
      assert.ok(Object.values(ExitCode).includes(exit), code);
      if (code in expected) assert.equal(exit, expected[code], code);
    }
    assert.equal(exitCodeForError('unauthorized'), ExitCode.appUnavailable);
  });
});
