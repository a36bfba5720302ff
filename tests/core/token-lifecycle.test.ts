import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../electron/core/common/app-error';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import type { TokenOutcome } from '../../electron/core/winbooks/token-types';
import { lifecycleFixture } from '../support/lifecycle-fixture';
import { settle } from '../support/manual-clock';
import { deferred, rejected, unreachable } from '../support/scripted-client';

type Fixture = Awaited<ReturnType<typeof lifecycleFixture>>;
const fixtures: Fixture[] = [];
async function setup(options: Parameters<typeof lifecycleFixture>[0] = {}): Promise<Fixture> {
  const fixture = await lifecycleFixture(options);
  fixtures.push(fixture);
  return fixture;
}
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.lifecycle.stop();
});

const MIN = 60_000;

describe('adding an account', () => {
  it('exchanges at once and stores every secret', async () => {
    const { lifecycle, client, storage, addAccount } = await setup();
    const account = await addAccount('ACME');
    assert.equal(account.status, 'ready');
    assert.equal(client.count('exchange'), 1);
    const stored = storage.peek(account.id);
    assert.deepEqual(stored.secrets, { exchangeToken: 'exchange-ACME', refreshToken: 'refresh-1', accessToken: 'access-1' });
    assert.equal(lifecycle.list().length, 1);
  });

  it('cleans an exchange token broken by spaces and line breaks', async () => {
    const { lifecycle, client } = await setup();
    await lifecycle.add({ label: 'Wrapped', email: 'w@example.be', host: 'https://rapi.winbooksonweb.be', exchangeToken: ' abc\n def \r\nghi ' });
    assert.equal(client.calls[0]?.grant === 'exchange' && client.calls[0].request.exchangeToken, 'abcdefghi');
  });

  it('refuses bad input naming the field, without contacting Winbooks', async () => {
    const { lifecycle, client } = await setup();
    const cases: [Record<string, string>, string][] = [
      [{ label: '', email: 'a@b.be', host: 'https://rapi.winbooksonweb.be', exchangeToken: 'x' }, 'label'],
      [{ label: 'A'.repeat(81), email: 'a@b.be', host: 'https://rapi.winbooksonweb.be', exchangeToken: 'x' }, 'label'],
      [{ label: 'A', email: 'not-an-email', host: 'https://rapi.winbooksonweb.be', exchangeToken: 'x' }, 'email'],
      [{ label: 'A', email: 'a@b.be', host: 'http://rapi.winbooksonweb.be', exchangeToken: 'x' }, 'host'],
      [{ label: 'A', email: 'a@b.be', host: 'https://rapi.winbooksonweb.be', exchangeToken: ' \n ' }, 'exchangeToken'],
    ];
    for (const [input, field] of cases) {
      await assert.rejects(
        lifecycle.add(input as never),
        (error: unknown) => error instanceof AppError && error.code === 'invalid-input' && error.field === field && error.message.length > 10,
        `expected a refusal on ${field}`,
      );
    }
    assert.equal(client.count(), 0);
  });

  it('refuses a label already used, ignoring case', async () => {
    const { addAccount } = await setup();
    await addAccount('ACME');
    await assert.rejects(addAccount('acme', 'other@example.be'), (error: unknown) => error instanceof AppError && error.code === 'duplicate-label' && error.field === 'label');
  });

  it('refuses a grant Winbooks rejects, saving nothing', async () => {
    const { lifecycle, client, storage, addAccount } = await setup();
    client.respond = () => rejected(400, 'invalid_grant: unknown exchange token');
    await assert.rejects(addAccount('ACME'), (error: unknown) => {
      assert.ok(error instanceof AppError, 'expected: error instanceof AppError');
      assert.equal(error.code, 'grant-rejected');
      assert.equal(error.field, 'exchangeToken');
      assert.match(error.message, /unknown exchange token/);
      return true;
    });
    assert.equal(lifecycle.list().length, 0);
    assert.equal(storage.saves, 0);
  });
});

describe('scheduling', () => {
  it('refreshes at expiry minus 10% of the lifetime (no jitter drawn)', async () => {
    const { clock, client, addAccount } = await setup({ random: () => 0 });
    const account = await addAccount('ACME');
    assert.equal(account.nextRefreshAt, (account.accessExpiresAt ?? 0) - 90_000);
    await clock.advance(810_000 - 1);
    assert.equal(client.count('refresh'), 0);
    await clock.advance(1);
    assert.equal(client.count('refresh'), 1);
  });

  it('keeps jitter within 10% of the lead, earlier never later', async () => {
    const { clock, client, addAccount } = await setup({ random: () => 0.999 });
    const account = await addAccount('ACME');
    const issuedAt = account.accessIssuedAt ?? 0;
    await clock.advance(810_000);
    const refreshAt = client.calls.find((call) => call.grant === 'refresh')?.at;
    assert.ok(refreshAt !== undefined, 'expected: refreshAt !== undefined');
    assert.ok(refreshAt >= issuedAt + 801_000 && refreshAt <= issuedAt + 810_000, `refresh at +${refreshAt - issuedAt} ms`);
  });

  it('stores the rotated refresh token before the refresh counts as done', async () => {
    const gate = deferred<void>();
    let holdWrites = false;
    const storage = new InMemoryAccountStorage(() => (holdWrites ? gate.promise : Promise.resolve()));
    const { lifecycle, client, addAccount } = await setup({ storage });
    const account = await addAccount('ACME');
    holdWrites = true;
    let done = false;
    const refreshing = lifecycle.refresh(account.id).then(() => (done = true));
    await settle();
    assert.equal(client.count('refresh'), 1);
    assert.equal(done, false, 'the refresh must wait for the write');
    assert.equal(lifecycle.get(account.id).status, 'refreshing');
    gate.resolve();
    await refreshing;
    assert.equal(storage.peek(account.id).secrets?.refreshToken, 'refresh-2');
  });

  it('never runs more than the concurrency limit of token requests', async () => {
    const { clock, client, lifecycle, addAccount } = await setup({ maxConcurrentRequests: 4 });
    for (let i = 0; i < 10; i += 1) await addAccount(`Client ${i}`);
    const gates: ReturnType<typeof deferred<TokenOutcome>>[] = [];
    client.respond = () => {
      const gate = deferred<TokenOutcome>();
      gates.push(gate);
      return gate.promise;
    };
    client.maxActive = 0;
    await clock.advance(810_000);
    assert.equal(client.active, 4);
    while (client.calls.filter((c) => c.grant === 'refresh').length < 10 || client.active > 0) {
      const gate = gates.shift();
      if (!gate) break;
      gate.resolve(client.success());
      await settle();
    }
    assert.equal(client.maxActive, 4);
    assert.equal(client.count('refresh'), 10);
    assert.ok(lifecycle.list().every((a) => a.status === 'ready'), 'expected: lifecycle.list().every((a) => a.status === "ready")');
  });
});

describe('single flight', () => {
  it('answers 50 concurrent getFreshAccessToken calls with one token request', async () => {
    const { clock, client, lifecycle, addAccount } = await setup();
    const account = await addAccount('ACME');
    lifecycle.stop(); // no scheduled refresh: the calls themselves must refresh
    await clock.advance(900_000 + 1);
    const before = client.count();
    const tokens = await Promise.all(Array.from({ length: 50 }, () => lifecycle.getFreshAccessToken(account.id, 60)));
    assert.equal(client.count() - before, 1);
    assert.equal(new Set(tokens.map((t) => t.accessToken)).size, 1);
    assert.ok(tokens.every((t) => t.expiresAt - clock.now() >= 60_000), 'expected: tokens.every((t) => t.expiresAt - clock.now() >= 60_000)');
  });

  it('returns the current token without a request while it is valid long enough', async () => {
    const { client, lifecycle, addAccount } = await setup();
    const account = await addAccount('ACME');
    const token = await lifecycle.getFreshAccessToken(account.id, 60);
    assert.equal(token.accessToken, 'access-1');
    assert.equal(client.count(), 1);
  });

  it('records when a token was last used, saving it at most once a minute', async () => {
    const { clock, lifecycle, storage, addAccount } = await setup();
    const account = await addAccount('ACME');
    const saves = storage.saves;
    for (let i = 0; i < 20; i += 1) await lifecycle.getFreshAccessToken(account.id, 60);
    await settle();
    assert.equal(storage.saves - saves, 1, 'twenty uses within a minute: one save');
    assert.equal(lifecycle.get(account.id).lastUsedAt, clock.now());
    await clock.advance(61_000);
    await lifecycle.getFreshAccessToken(account.id, 60);
    await settle();
    assert.equal(storage.saves - saves, 2);
    assert.equal(storage.peek(account.id).record?.lastUsedAt, clock.now(), 'the saved instant is the latest use');
  });

  it('refreshes first when the token is valid for less than asked', async () => {
    const { clock, client, lifecycle, addAccount } = await setup();
    const account = await addAccount('ACME');
    lifecycle.stop();
    await clock.advance(900_000 - 30_000);
    const token = await lifecycle.getFreshAccessToken(account.id, 60);
    assert.equal(token.accessToken, 'access-2');
    assert.equal(client.count('refresh'), 1);
  });
});

describe('recovery ladder', () => {
  it('exchanges again when the refresh token is refused', async () => {
    const { client, lifecycle, storage, addAccount } = await setup();
    const account = await addAccount('ACME');
    client.respond = (call) => (call.grant === 'refresh' ? rejected(400, 'invalid_grant') : undefined);
    const summary = await lifecycle.refresh(account.id);
    assert.equal(summary.status, 'ready');
    assert.deepEqual(client.calls.map((c) => c.grant), ['exchange', 'refresh', 'exchange']);
    assert.equal(storage.peek(account.id).secrets?.refreshToken, 'refresh-2');
  });

  it('asks the user only when the exchange token is refused too, keeping every secret', async () => {
    const { clock, client, lifecycle, storage, attention, addAccount } = await setup();
    const account = await addAccount('ACME');
    const before = structuredClone(storage.peek(account.id).secrets);
    client.respond = () => rejected(400, 'grant revoked');
    await assert.rejects(lifecycle.refresh(account.id), (error: unknown) => error instanceof AppError && error.code === 'needs-exchange-token');
    const summary = lifecycle.get(account.id);
    assert.equal(summary.status, 'needs-exchange-token');
    assert.equal(summary.nextRefreshAt, null);
    assert.match(summary.lastError?.message ?? '', /Replace exchange token/);
    assert.deepEqual(storage.peek(account.id).secrets, before);
    assert.equal(storage.peek(account.id).record?.needsExchangeToken, true);
    assert.deepEqual(attention.map((e) => e.kind), ['needs-exchange-token']);
    const calls = client.count();
    await clock.advance(24 * 60 * MIN);
    assert.equal(client.count(), calls, 'no retries once the user must act');
    await assert.rejects(lifecycle.getFreshAccessToken(account.id, 60), (error: unknown) => error instanceof AppError && error.code === 'needs-exchange-token');
  });

  it('comes back to ready after the exchange token is replaced', async () => {
    const { client, lifecycle, storage, addAccount } = await setup();
    const account = await addAccount('ACME');
    client.respond = () => rejected();
    await lifecycle.refresh(account.id).catch(() => undefined);
    client.respond = (call) => (call.grant === 'exchange' && call.request.exchangeToken === 'new-token' ? undefined : rejected());
    await assert.rejects(lifecycle.replaceExchangeToken(account.id, 'still-wrong'), (error: unknown) => error instanceof AppError && error.code === 'grant-rejected');
    assert.equal(storage.peek(account.id).secrets?.exchangeToken, 'exchange-ACME', 'a refused replacement changes nothing');
    const summary = await lifecycle.replaceExchangeToken(account.id, ' new-\ntoken ');
    assert.equal(summary.status, 'ready');
    assert.equal(storage.peek(account.id).secrets?.exchangeToken, 'new-token');
    assert.ok(summary.nextRefreshAt !== null, 'expected: summary.nextRefreshAt !== null');
  });
});

describe('transient failures', () => {
  it('backs off 5 s doubling, keeps the current token usable, and recovers', async () => {
    const { clock, client, lifecycle, addAccount } = await setup({ random: () => 1 });
    const account = await addAccount('ACME');
    let outage = true;
    client.respond = () => (outage ? unreachable() : undefined);
    await clock.advance((account.nextRefreshAt ?? 0) - clock.now());
    assert.equal(client.count('refresh'), 1);
    assert.equal(lifecycle.get(account.id).status, 'retrying');
    const retryTimes: number[] = [];
    let last = client.calls.at(-1)?.at ?? 0;
    for (let i = 0; i < 4; i += 1) {
      const summary = lifecycle.get(account.id);
      assert.ok(summary.nextRefreshAt !== null, 'expected: summary.nextRefreshAt !== null');
      await clock.advance(summary.nextRefreshAt - clock.now());
      const at = client.calls.at(-1)?.at ?? 0;
      retryTimes.push(at - last);
      last = at;
    }
    assert.deepEqual(retryTimes, [5_000, 10_000, 20_000, 40_000]);
    // The token issued before the outage still has time left: copies keep working.
    const current = await lifecycle.getFreshAccessToken(account.id, 1);
    assert.equal(current.accessToken, 'access-1');
    assert.match(lifecycle.get(account.id).lastError?.message ?? '', /could not be reached.*Retrying automatically/);
    outage = false;
    await clock.advance((lifecycle.get(account.id).nextRefreshAt ?? 0) - clock.now());
    const healed = lifecycle.get(account.id);
    assert.equal(healed.status, 'ready');
    assert.equal(healed.lastError, null);
    assert.equal(healed.failingSince, null);
    assert.equal(healed.nextRefreshAt, (healed.accessExpiresAt ?? 0) - 90_000 - 9_000, 'normal schedule again (lead 90 s, jitter 9 s)');
  });

  it('refuses an on-demand token it cannot get, saying Winbooks is unreachable', async () => {
    const { clock, client, lifecycle, addAccount } = await setup();
    const account = await addAccount('ACME');
    lifecycle.stop();
    await clock.advance(900_000);
    client.respond = () => unreachable('timeout after 15 s');
    await assert.rejects(lifecycle.getFreshAccessToken(account.id, 60), (error: unknown) => error instanceof AppError && error.code === 'winbooks-unreachable');
  });
});

describe('clock changes', () => {
  it('resync after a 2-hour sleep refreshes overdue accounts at once', async () => {
    const { clock, client, lifecycle, addAccount } = await setup();
    const account = await addAccount('ACME');
    clock.sleep(2 * 60 * MIN);
    lifecycle.resync();
    await clock.advance(0);
    assert.equal(client.count('refresh'), 1);
    const summary = lifecycle.get(account.id);
    assert.equal(summary.status, 'ready');
    assert.ok((summary.accessExpiresAt ?? 0) > clock.now(), 'expected: (summary.accessExpiresAt ?? 0) > clock.now()');
  });

  it('notices a sleep by itself within 30 s when nobody calls resync', async () => {
    const { clock, client, logger, addAccount } = await setup();
    await addAccount('ACME');
    clock.sleep(2 * 60 * MIN);
    await clock.advance(30_000);
    assert.equal(client.count('refresh'), 1);
    assert.ok(logger.events().includes('clock-jump'), 'expected: logger.events().includes("clock-jump")');
  });
});

describe('editing and removing', () => {
  it('turns auto-refresh off and on', async () => {
    const { clock, client, lifecycle, addAccount } = await setup();
    const account = await addAccount('ACME');
    const off = await lifecycle.update(account.id, { autoRefresh: false });
    assert.equal(off.status, 'auto-refresh-off');
    assert.equal(off.nextRefreshAt, null);
    await clock.advance(60 * MIN);
    assert.equal(client.count('refresh'), 0);
    const on = await lifecycle.update(account.id, { autoRefresh: true });
    await clock.advance(0);
    assert.equal(client.count('refresh'), 1, 'an expired token is refreshed as soon as auto-refresh is back');
    assert.equal(lifecycle.get(on.id).status, 'ready');
  });

  it('a new e-mail needs an exchange token in the patch, proven before saving it', async () => {
    const { client, lifecycle, storage, addAccount } = await setup();
    const account = await addAccount('ACME');
    const exchanges = client.count('exchange');
    await assert.rejects(lifecycle.update(account.id, { email: 'other@example.be' }), (error: unknown) => error instanceof AppError && error.code === 'invalid-input');
    assert.equal(client.count('exchange'), exchanges, 'without a token for the new e-mail, nothing is sent');
    client.respond = () => rejected(401, 'unknown user');
    await assert.rejects(lifecycle.update(account.id, { email: 'other@example.be', exchangeToken: 'token-for-other' }), (error: unknown) => error instanceof AppError && error.code === 'grant-rejected');
    assert.equal(storage.peek(account.id).record?.email, 'acme@example.be');
    client.respond = null;
    const moved = await lifecycle.update(account.id, { email: 'other@example.be', label: 'ACME NV', exchangeToken: 'token-for-other' });
    assert.equal(moved.email, 'other@example.be');
    assert.equal(moved.label, 'ACME NV');
  });

  it('removes an account, its secrets and its timer', async () => {
    const { clock, client, lifecycle, storage, changes, addAccount } = await setup();
    const account = await addAccount('ACME');
    await lifecycle.remove(account.id);
    await settle();
    assert.equal(storage.peek(account.id).record, undefined);
    assert.equal(storage.peek(account.id).secrets, undefined);
    assert.ok(changes.some((c) => c.removed.includes(account.id)), 'expected: changes.some((c) => c.removed.includes(account.id))');
    await clock.advance(60 * MIN);
    assert.equal(client.count('refresh'), 0);
    await assert.rejects(lifecycle.refresh(account.id), (error: unknown) => error instanceof AppError && error.code === 'unknown-account');
  });

  it('refreshAll reports refreshed, failed and skipped accounts', async () => {
    const { client, lifecycle, addAccount } = await setup();
    await addAccount('A');
    const b = await addAccount('B');
    const c = await addAccount('C');
    client.respond = (call) => (call.request.email === c.email ? rejected() : undefined);
    await lifecycle.refresh(c.id).catch(() => undefined);
    client.respond = (call) => (call.request.email === b.email ? unreachable() : undefined);
    const report = await lifecycle.refreshAll();
    assert.equal(report.refreshed, 1);
    assert.equal(report.skipped, 1);
    assert.deepEqual(report.failed.map((f) => [f.label, f.code]), [['B', 'winbooks-unreachable']]);
  });
});

describe('restart', () => {
  it('picks up stored accounts and refreshes those that expired while the app was closed', async () => {
    const storage = new InMemoryAccountStorage();
    const first = await setup({ storage });
    const account = await first.addAccount('ACME');
    first.lifecycle.stop();
    const second = await setup({ storage });
    assert.equal(second.lifecycle.get(account.id).label, 'ACME');
    assert.equal(second.lifecycle.get(account.id).nextRefreshAt, (account.accessExpiresAt ?? 0) - 90_000);
  });
});

describe('races and failures found in review', () => {
  it('a failed save after a refresh backs off instead of refreshing again at once, keeping the newest tokens', async () => {
    let diskFull = false;
    const storage = new InMemoryAccountStorage(() => (diskFull ? Promise.reject(new Error('ENOSPC: no space left on device')) : Promise.resolve()));
    const { clock, client, lifecycle, addAccount } = await setup({ storage, random: () => 1 });
    const account = await addAccount('ACME');
    await clock.advance(60_000);
    diskFull = true;
    await assert.rejects(lifecycle.refresh(account.id), (error: unknown) => error instanceof AppError && error.code === 'storage-failed' && /Retrying in 5 s/.test(error.message));
    const failing = lifecycle.get(account.id);
    assert.equal(failing.status, 'retrying');
    assert.ok((failing.accessExpiresAt ?? 0) > (account.accessExpiresAt ?? 0), 'the new expiry is current');
    const requests = client.count();
    await clock.advance(4_999);
    assert.equal(client.count(), requests, 'no request before the backoff delay');
    assert.equal((await lifecycle.getFreshAccessToken(account.id, 60)).accessToken, 'access-2', 'the newest token is in use');
    diskFull = false;
    await clock.advance(1);
    assert.equal(client.count(), requests + 1);
    assert.equal(lifecycle.get(account.id).status, 'ready');
    assert.equal(storage.peek(account.id).secrets?.refreshToken, 'refresh-3', 'the newest refresh token is on disk again');
  });

  it('an edit made while a refresh runs is kept, in memory and on disk', async () => {
    const { client, lifecycle, storage, addAccount } = await setup();
    const account = await addAccount('ACME');
    const answer = deferred<TokenOutcome>();
    client.respond = () => answer.promise;
    const refreshing = lifecycle.refresh(account.id);
    await settle();
    await lifecycle.update(account.id, { label: 'ACME NV', autoRefresh: false });
    answer.resolve(client.success());
    await refreshing;
    const summary = lifecycle.get(account.id);
    assert.equal(summary.label, 'ACME NV');
    assert.equal(summary.autoRefresh, false);
    const stored = storage.peek(account.id).record;
    assert.equal(stored?.label, 'ACME NV');
    assert.equal(stored?.accessExpiresAt, summary.accessExpiresAt, 'the new expiry is on disk too');
  });

  it('a removal wins over a replacement queued behind a running refresh', async () => {
    const { client, lifecycle, storage, addAccount } = await setup();
    const account = await addAccount('ACME');
    const answer = deferred<TokenOutcome>();
    client.respond = (call) => (call.grant === 'refresh' ? answer.promise : undefined);
    const refreshing = lifecycle.refresh(account.id).catch((error: unknown) => error);
    await settle();
    const replacing = lifecycle.replaceExchangeToken(account.id, 'new-token').catch((error: unknown) => error);
    const removing = lifecycle.remove(account.id);
    answer.resolve(client.success());
    await Promise.all([refreshing, removing]);
    const replaced = await replacing;
    assert.ok(replaced instanceof AppError && replaced.code === 'unknown-account', 'the queued replacement is refused');
    assert.deepEqual(storage.peek(account.id), { record: undefined, secrets: undefined }, 'nothing came back on disk');
  });

  it('callers never share the refusal of a replacement: they get their own refresh', async () => {
    const { client, lifecycle, addAccount } = await setup();
    const account = await addAccount('ACME');
    const refusal = deferred<TokenOutcome>();
    client.respond = (call) => (call.grant === 'exchange' ? refusal.promise : undefined);
    const replacing = lifecycle.replaceExchangeToken(account.id, 'wrong-token').catch((error: unknown) => error);
    await settle();
    const refreshAll = lifecycle.refreshAll();
    const refreshed = lifecycle.refresh(account.id);
    refusal.resolve(rejected(400, 'unknown exchange token'));
    const replaced = await replacing;
    assert.ok(replaced instanceof AppError && replaced.code === 'grant-rejected', 'the replacement itself is refused');
    assert.equal((await refreshed).status, 'ready');
    const report = await refreshAll;
    assert.equal(report.refreshed, 1);
    assert.equal(client.count('refresh'), 1, 'the refresh after the replacement is shared');
  });

  it('a listener that throws breaks neither the lifecycle nor the other listeners', async () => {
    const { lifecycle, logger, addAccount } = await setup();
    const seen: number[] = [];
    lifecycle.onChange(() => {
      throw new Error('Object has been destroyed');
    });
    lifecycle.onChange((change) => seen.push(change.changed.length));
    const account = await addAccount('ACME');
    await lifecycle.refresh(account.id);
    await settle();
    assert.ok(seen.length > 0, 'the second listener still hears changes');
    assert.ok(logger.events().includes('listener-failed'), 'the failure is logged');
  });

  it('two adds at once cannot take the same label', async () => {
    const { lifecycle } = await setup();
    const host = 'https://rapi.winbooksonweb.be';
    const results = await Promise.allSettled([
      lifecycle.add({ label: 'ACME', email: 'a@example.be', host, exchangeToken: 'one' }),
      lifecycle.add({ label: 'acme ', email: 'b@example.be', host, exchangeToken: 'two' }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    assert.equal(lifecycle.list().length, 1);
  });

  it('drain waits for a refresh under way, so its rotated token is saved before quit', async () => {
    const { client, lifecycle, storage, addAccount } = await setup();
    const account = await addAccount('ACME');
    const answer = deferred<TokenOutcome>();
    client.respond = () => answer.promise;
    void lifecycle.refresh(account.id);
    await settle();
    let drained = false;
    const draining = lifecycle.drain().then(() => (drained = true));
    await settle();
    assert.equal(drained, false, 'drain waits for the answer');
    answer.resolve(client.success());
    await draining;
    assert.equal(storage.peek(account.id).secrets?.refreshToken, 'refresh-2');
  });
});

describe('reload', () => {
  it('takes in accounts added, changed and removed in storage underneath (a backup import)', async () => {
    const storage = new InMemoryAccountStorage();
    const { lifecycle, changes, addAccount } = await setup({ storage });
    const kept = await addAccount('Kept');
    const gone = await addAccount('Gone');
    const other = await setup({ storage });
    await other.lifecycle.update(kept.id, { label: 'Kept (renamed)' });
    await other.lifecycle.remove(gone.id);
    const added = await other.addAccount('Imported');
    await lifecycle.reload();
    await settle();
    assert.deepEqual(lifecycle.list().map((a) => a.label).sort(), ['Imported', 'Kept (renamed)']);
    assert.ok(changes.some((c) => c.removed.includes(gone.id)), 'expected: changes.some((c) => c.removed.includes(gone.id))');
    assert.ok(lifecycle.get(added.id).nextRefreshAt !== null, 'expected: lifecycle.get(added.id).nextRefreshAt !== null');
  });
});

describe('events', () => {
  it('emits summaries that never carry a secret', async () => {
    const { client, lifecycle, changes, logger, addAccount } = await setup();
    const account = await addAccount('ACME');
    await lifecycle.refresh(account.id);
    client.respond = () => rejected();
    await lifecycle.refresh(account.id).catch(() => undefined);
    await settle();
    assert.ok(changes.length > 0, 'expected: changes.length > 0');
    const emitted = JSON.stringify(changes) + logger.lines.join('\n');
    for (const secret of ['exchange-ACME', 'refresh-1', 'access-1', 'refresh-2', 'access-2']) {
      assert.ok(!emitted.includes(secret), `${secret} leaked into an event or log line`);
    }
  });
});
