import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../electron/core/common/app-error';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import type { AccountsChange } from '../../electron/core/tokens/lifecycle-api';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import type { SandboxFault } from '../sandbox/winbooks-sandbox';
import { CapturingLogger } from '../support/lifecycle-fixture';
import { ManualClock } from '../support/manual-clock';
import { waitFor } from '../support/wait-for';

/**
 * The lifecycle on the real client over real HTTP against the sandbox. The sandbox and the client read the
 * manual clock, so expiry and schedules are under the test's control while every request is real.
 */
const clock = new ManualClock(Date.now());
const logger = new CapturingLogger();
const changes: AccountsChange[] = [];
let sandbox: WinbooksSandbox;
let storage: InMemoryAccountStorage;
let lifecycle: TokenLifecycle;
let grantSerial = 0;
/** Replays the tests make on purpose, as an attacker would: the only reuse events the sandbox may count. */
let deliberateReplays = 0;

before(async () => {
  sandbox = await WinbooksSandbox.start({ now: () => clock.now() });
  storage = new InMemoryAccountStorage();
  lifecycle = new TokenLifecycle({
    client: createWinbooksTokenClient({ timeoutMs: 1_000, now: () => clock.now() }),
    storage,
    clock,
    logger,
    random: () => 0,
  });
  lifecycle.onChange((change) => changes.push(change));
  await lifecycle.start();
});

after(async () => {
  lifecycle.stop();
  await sandbox.stop();
});

async function addSandboxAccount(name: string, base: 'plain' | 'v2' = 'plain') {
  grantSerial += 1;
  const grant = sandbox.addGrant({ email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${grantSerial}@fiduciaire.be` });
  const account = await lifecycle.add({
    label: `${name} ${grantSerial}`,
    email: grant.email,
    host: base === 'plain' ? sandbox.baseUrl : sandbox.v2BaseUrl,
    exchangeToken: grant.exchangeToken,
  });
  return { account, grant };
}

async function bearerWorks(host: string, accessToken: string): Promise<boolean> {
  const response = await fetch(`${host}/app/Customers`, { headers: { Authorization: `Bearer ${accessToken}` } });
  await response.body?.cancel();
  return response.status === 200;
}

describe('lifecycle against the sandbox', () => {
  it('adds an account on either base and hands out a token the API accepts', async () => {
    for (const base of ['plain', 'v2'] as const) {
      const { account } = await addSandboxAccount('Bakkerij', base);
      const token = await lifecycle.getFreshAccessToken(account.id, 60);
      assert.ok(await bearerWorks(account.host, token.accessToken), 'expected: await bearerWorks(account.host, token.accessToken)');
    }
  });

  it('refuses an exchange token the sandbox does not know, saving nothing', async () => {
    const count = lifecycle.list().length;
    const grant = sandbox.addGrant({ email: 'real@fiduciaire.be' });
    await assert.rejects(
      lifecycle.add({ label: 'Wrong token', email: grant.email, host: sandbox.baseUrl, exchangeToken: 'not-the-token' }),
      (error: unknown) => error instanceof AppError && error.code === 'grant-rejected' && error.field === 'exchangeToken',
    );
    assert.equal(lifecycle.list().length, count);
  });

  it('answers 50 concurrent getFreshAccessToken calls for an expired token with one token request', async () => {
    const { account, grant } = await addSandboxAccount('Garage');
    const local = new TokenLifecycle({ client: createWinbooksTokenClient({ now: () => clock.now() }), storage, clock, random: () => 0 });
    await local.start();
    local.stop(); // timers off: only the 50 callers may cause requests
    sandbox.setAccessLifetime(grant.email, 900);
    clock.sleep(901_000);
    const before = sandbox.tokenRequestCount(grant.email);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => local.getFreshAccessToken(account.id, 60)));
    assert.equal(sandbox.tokenRequestCount(grant.email) - before, 1);
    assert.equal(new Set(tokens.map((t) => t.accessToken)).size, 1);
    assert.ok(await bearerWorks(account.host, tokens[0]?.accessToken ?? ''), 'expected: await bearerWorks(account.host, tokens[0]?.accessToken ?? "")');
    // Two refreshers on one grant would trip rotation: the main lifecycle takes the tokens the local one stored.
    await lifecycle.reload();
  });

  it('exchanges again when the refresh token family was revoked by reuse, then carries on', async () => {
    const { account, grant } = await addSandboxAccount('Brasserie');
    const firstRefresh = storage.peek(account.id).secrets?.refreshToken ?? '';
    await lifecycle.refresh(account.id);
    // Someone replays the superseded refresh token: the sandbox revokes the whole family.
    const replay = await fetch(`${sandbox.baseUrl}/OAuth20/Token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(grant.email).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: `grant_type=refresh_token&code=${encodeURIComponent(firstRefresh)}`,
    });
    assert.equal(replay.status, 400);
    deliberateReplays += 1;
    await replay.body?.cancel();
    const summary = await lifecycle.refresh(account.id);
    assert.equal(summary.status, 'ready');
    const stored = storage.peek(account.id).secrets;
    assert.ok(stored?.refreshToken && sandbox.isRefreshTokenValid(grant.email, stored.refreshToken), 'expected: stored?.refreshToken && sandbox.isRefreshTokenValid(grant.email, stored.refreshToken)');
    assert.ok(logger.events().includes('refresh-token-refused'), 'expected: logger.events().includes("refresh-token-refused")');
  });

  it('marks a revoked grant as needing a new exchange token, keeps its secrets, recovers on replacement', async () => {
    const { account, grant } = await addSandboxAccount('Notaris');
    const before = structuredClone(storage.peek(account.id).secrets);
    sandbox.revokeGrant(grant.email);
    await assert.rejects(lifecycle.refresh(account.id), (error: unknown) => error instanceof AppError && error.code === 'needs-exchange-token');
    assert.equal(lifecycle.get(account.id).status, 'needs-exchange-token');
    assert.deepEqual(storage.peek(account.id).secrets, before);
    const renewed = sandbox.addGrant({ email: grant.email });
    const summary = await lifecycle.replaceExchangeToken(account.id, renewed.exchangeToken);
    assert.equal(summary.status, 'ready');
    assert.ok(await bearerWorks(account.host, (await lifecycle.getFreshAccessToken(account.id, 60)).accessToken), 'expected: await bearerWorks(account.host, (await lifecycle.getFreshAccessToken(account.id, 60)).a...');
  });
});

/**
 * Each injected fault, as a strict rotating server plays it: the server acts on the refresh (rotating the token)
 * and then the answer goes wrong. The error code the account must show.
 */
const FAULT_MATRIX: { fault: Extract<SandboxFault, string>; code: string }[] = [
  { fault: 'html-500', code: 'winbooks-unreachable' },
  { fault: 'unavailable-503', code: 'winbooks-unreachable' },
  { fault: 'hang', code: 'winbooks-unreachable' },
  { fault: 'reset', code: 'winbooks-unreachable' },
  { fault: 'non-json-200', code: 'winbooks-bad-response' },
  { fault: 'missing-fields-200', code: 'winbooks-bad-response' },
  { fault: 'lost-answer', code: 'winbooks-unreachable' },
];

describe('fault matrix: no refresh token is ever presented twice', () => {
  for (const { fault, code } of FAULT_MATRIX) {
    it(`${fault}: retrying with ${code}, the old token withheld, recovers by exchanging once lifted, 0 reuse events`, async () => {
      const { account, grant } = await addSandboxAccount(`Fault ${fault}`);
      const before = structuredClone(storage.peek(account.id).secrets);
      sandbox.injectFault(fault, { email: grant.email });
      try {
        await assert.rejects(lifecycle.refresh(account.id), (error: unknown) => error instanceof AppError && error.code === code);
        const failing = lifecycle.get(account.id);
        assert.equal(failing.status, 'retrying');
        assert.equal(failing.lastError?.code, code);
        assert.equal(failing.accessExpiresAt, null, 'the old access token is no longer offered');
        assert.ok(failing.nextRefreshAt !== null && failing.nextRefreshAt > clock.now(), 'expected: failing.nextRefreshAt !== null && failing.nextRefreshAt > clock.now()');
        assert.deepEqual(storage.peek(account.id).secrets, before, 'nothing stored from an answer that was not usable');
        assert.ok(storage.peek(account.id).record?.refreshSentAt !== null, 'the refresh stays marked as sent');
        // A copy or `get` meanwhile: the old token is not handed out; an exchange is tried instead (and fails too).
        await assert.rejects(lifecycle.getFreshAccessToken(account.id, 60));
      } finally {
        sandbox.clearFaults();
      }
      await clock.advance((lifecycle.get(account.id).nextRefreshAt ?? 0) - clock.now());
      await waitFor(() => lifecycle.get(account.id).status === 'ready', `${fault} to heal`);
      const healed = lifecycle.get(account.id);
      assert.equal(healed.lastError, null);
      assert.ok(await bearerWorks(account.host, (await lifecycle.getFreshAccessToken(account.id, 60)).accessToken), 'the token handed out after healing works');
      const stored = storage.peek(account.id).secrets;
      assert.ok(stored?.refreshToken && sandbox.isRefreshTokenValid(grant.email, stored.refreshToken), 'the stored refresh token is current');
      assert.equal(stored.exchangeToken, grant.exchangeToken, 'the exchange token is kept');
      assert.equal(sandbox.reuseEvents(grant.email), 0, 'no reuse event at the strict server');
    });
  }

  it('slow answers: the refresh simply takes longer and succeeds', async () => {
    const { account, grant } = await addSandboxAccount('Slow');
    sandbox.injectFault({ kind: 'slow', delayMs: 300 }, { email: grant.email, times: 1 });
    const summary = await lifecycle.refresh(account.id);
    assert.equal(summary.status, 'ready');
  });
});

describe('strictness overall', () => {
  it('the lifecycle never made the sandbox see a refresh token twice (only the tests\' own replays count)', () => {
    assert.equal(sandbox.reuseEvents(), deliberateReplays);
  });
});

describe('secrecy', () => {
  it('no token the sandbox issued appears in any event or log line', () => {
    const issued = sandbox.issuedSecrets();
    assert.ok(issued.length > 20, 'the tests above issued tokens');
    const emitted = JSON.stringify(changes) + '\n' + logger.lines.join('\n');
    for (const secret of issued) assert.ok(!emitted.includes(secret), 'a token leaked into an event or a log line');
  });
});
