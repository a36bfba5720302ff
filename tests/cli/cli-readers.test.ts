import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as z from 'zod/mini';
import {
  protocolErrorCodeSchema,
  responseSchema,
  resultSchemas,
  versionRefusalSchema,
  type CommandName,
} from '../../electron/core/command-line/protocol';
import { sessionFileSchema } from '../../electron/core/command-line/session-file';
import { accountStatusSchema, accountSummarySchema, errorCodeSchema, type AccountSummary } from '../../electron/shared/account-summary';
import type { Reader } from '../../cli/json-reader';
import {
  ACCOUNT_STATUSES,
  ERROR_CODES,
  PROTOCOL_ERROR_CODES,
  readAccountSummary,
  readErrorCode,
  readResponse,
  readSessionFile,
  readVersionRefusal,
  resultReaders,
} from '../../cli/message-readers';

/**
 * The CLI bundles no zod: it reads with cli/message-readers.ts. Those readers keep the zod schemas as their one
 * definition by being held to them here: same types (checked by tsc), and on a corpus of valid messages and of
 * every mutation of them (each field removed, replaced by odd values, extra keys added) the reader accepts exactly
 * what the schema accepts and returns exactly what it outputs, key order included.
 */

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Output<R> = R extends Reader<infer T> ? T : never;
function sameType<A, B>(proof: Equal<A, B>): void {
  assert.equal(proof, true);
}

test('the readers produce the types of the schemas, and list the same enums in the same order', () => {
  sameType<Output<typeof readSessionFile>, z.output<typeof sessionFileSchema>>(true);
  sameType<Output<typeof readAccountSummary>, AccountSummary>(true);
  sameType<Output<typeof readVersionRefusal>, z.output<typeof versionRefusalSchema>>(true);
  sameType<Output<typeof readResponse>, z.output<typeof responseSchema>>(true);
  sameType<Output<typeof readErrorCode>, z.output<typeof errorCodeSchema>>(true);
  sameType<{ [C in CommandName]: Output<(typeof resultReaders)[C]> }, { [C in CommandName]: z.output<(typeof resultSchemas)[C]> }>(true);
  sameType<(typeof ACCOUNT_STATUSES)[number], z.output<typeof accountStatusSchema>>(true);
  sameType<(typeof ERROR_CODES)[number], z.output<typeof errorCodeSchema>>(true);
  sameType<(typeof PROTOCOL_ERROR_CODES)[number], z.output<typeof protocolErrorCodeSchema>>(true);
  assert.deepEqual(ACCOUNT_STATUSES, accountStatusSchema.options);
  assert.deepEqual(ERROR_CODES, errorCodeSchema.options);
  assert.deepEqual(PROTOCOL_ERROR_CODES, protocolErrorCodeSchema.options);
});

/** Values a field may be replaced by: wrong types, edges of each check the schemas make, near-misses of enums. */
const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  2,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -(2 ** 60),
  '',
  ' ',
  'x',
  'ready',
  'Ready',
  'internal',
  'unsupported-version',
  'account-not-allowed',
  'legacy',
  'open',
  'f'.repeat(64),
  'F'.repeat(64),
  'f'.repeat(63),
  'g'.repeat(64),
  'x'.repeat(2000),
  'x'.repeat(2001),
  'http://127.0.0.1:41234/gw/key',
  ' https://h.example/x\t ',
  'http://exa\nmple.com/',
  'http://exa mple.com',
  'http://',
  'mailto:someone@example.be',
  [],
  ['x'],
  [1],
  {},
  { ready: 1 },
  { shipped: 1 },
  { code: 'internal', message: 'm' },
];

type Path = readonly (string | number)[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  return here;
}

/** A copy of root where the node at path is given to change (root itself when path is empty). */
function mutateAt(root: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const holder: Record<string, unknown> = { root: structuredClone(root) };
  let parent: Record<string | number, unknown> = holder;
  let key: string | number = 'root';
  for (const step of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = step;
  }
  change(parent, key);
  return holder.root;
}

/** An own, enumerable __proto__ key, as JSON.parse makes one. */
function withOwnProto(target: object, value: unknown): void {
  Object.defineProperty(target, '__proto__', { value, enumerable: true, writable: true, configurable: true });
}

function* mutations(sample: unknown): Generator<unknown> {
  yield sample;
  for (const path of pathsOf(sample)) {
    for (const odd of ODD_VALUES) {
      yield mutateAt(sample, path, (parent, key) => {
        parent[key] = structuredClone(odd);
      });
    }
    yield mutateAt(sample, path, (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    });
    yield mutateAt(sample, path, (parent, key) => {
      const node = parent[key];
      if (Array.isArray(node)) node.push(structuredClone(node[0] ?? 'x'));
      else if (typeof node === 'object' && node !== null) {
        (node as Record<string, unknown>).extra = 1;
      }
    });
    yield mutateAt(sample, path, (parent, key) => {
      const node = parent[key];
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) withOwnProto(node, { ready: 'x' });
    });
  }
}

function assertSameAsSchema(name: string, reader: Reader<unknown>, schema: z.ZodMiniType, samples: readonly unknown[]): number {
  let count = 0;
  let accepted = 0;
  for (const sample of samples) {
    for (const message of mutations(sample)) {
      count += 1;
      const expected = schema.safeParse(message);
      const actual = reader(message);
      const label = `${name}: ${JSON.stringify(message)?.slice(0, 400)}`;
      if (!expected.success) {
        assert.equal(actual, undefined, `the reader accepts what the schema refuses, ${label}`);
        continue;
      }
      accepted += 1;
      assert.deepStrictEqual(actual, expected.data, `the reader returns another value than the schema, ${label}`);
      assert.equal(JSON.stringify(actual), JSON.stringify(expected.data), `the reader orders keys differently, ${label}`);
    }
  }
  // The corpus must exercise both sides, or the comparison proves little.
  assert.ok(accepted > samples.length && accepted < count / 2, `${name}: ${accepted} of ${count} accepted`);
  return count;
}

const SECRET = 'a1'.repeat(32);

function account(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: 'acc-1',
    label: 'Acme Bakery',
    email: 'accounting@acme.example.be',
    host: 'https://rapi.winbooksonweb.be',
    hostKind: 'production',
    status: 'ready',
    autoRefresh: true,
    accessExpiresAt: 1_800_000_000_000,
    accessIssuedAt: 1_799_999_000_000,
    lastRefreshAt: null,
    nextRefreshAt: 1_799_999_500_000.5,
    failingSince: null,
    lastError: null,
    lastUsedAt: null,
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

const FAILING_ACCOUNT = account({
  id: 'acc-2',
  status: 'retrying',
  hostKind: 'custom',
  failingSince: 1_799_000_000_000,
  lastError: { code: 'winbooks-unreachable', message: 'Winbooks did not answer.', field: 'host', params: { attempts: 3, host: 'x' } },
});

describe('each reader accepts and returns exactly what its zod schema does', () => {
  test('the session file', () => {
    assertSameAsSchema('session', readSessionFile, sessionFileSchema, [
      { v: 1, socket: '/home/me/.config/Winbooks Token Manager/cli.sock', secret: SECRET, pid: 4242 },
      { v: 7, socket: '\\\\.\\pipe\\winbooks-token-manager-00', secret: SECRET, pid: -1 },
    ]);
  });

  test('the answer envelope, the version refusal and the error codes', () => {
    const answers = [
      { v: 1, id: '42-x', ok: true, result: { accounts: [] } },
      { v: 1, id: '42-x', ok: true, result: null },
      { v: 1, id: '42-x', ok: false, error: { code: 'unknown-account', message: 'No account "x".', suggestions: ['Acme Bakery'] } },
      { v: 1, id: '42-x', ok: false, error: { code: 'unauthorized', message: 'No.' } },
      { id: '42-x', ok: false, error: { code: 'unsupported-version', message: 'Use the winbooks-token installed with the app.' } },
    ];
    assertSameAsSchema('response', readResponse, responseSchema, answers);
    assertSameAsSchema('version refusal', readVersionRefusal, versionRefusalSchema, answers);
    for (const code of [...ERROR_CODES, ...PROTOCOL_ERROR_CODES, 'other', 1, null]) {
      const expected = errorCodeSchema.safeParse(code);
      assert.equal(readErrorCode(code), expected.success ? expected.data : undefined);
    }
  });

  test('an account summary', () => {
    assertSameAsSchema('account', readAccountSummary, accountSummarySchema, [account(), FAILING_ACCOUNT]);
  });

  test("every command's result", () => {
    const samples: { [C in CommandName]: unknown[] } = {
      list: [{ accounts: [account(), FAILING_ACCOUNT] }, { accounts: [] }],
      get: [{ accessToken: 'gAAAA-token', expiresAt: 1_800_000_000_000, account: { label: 'Acme Bakery', email: 'a@acme.be', host: 'https://rapi.winbooksonweb.be' } }],
      refresh: [{ account: account() }],
      'refresh-all': [{ refreshed: 2, skipped: 1, failed: [{ id: 'acc-2', label: 'Zeta', code: 'grant-rejected', message: 'Refused.' }] }],
      status: [
        { appVersion: '1.2.3', vault: 'open', accounts: 3, byStatus: { ready: 2, retrying: 1 } },
        { appVersion: '1.2.3', vault: 'locked', accounts: 0, byStatus: {} },
      ],
      url: [
        { url: 'http://127.0.0.1:41234/a/0123456789abcdef', account: { label: 'Acme Bakery' } },
        { url: ' http://127.0.0.1:41234/a/\tkey ', account: { label: 'Acme Bakery' } },
      ],
    };
    for (const command of Object.keys(samples) as CommandName[]) {
      assertSameAsSchema(command, resultReaders[command], resultSchemas[command], samples[command]);
    }
  });
});
