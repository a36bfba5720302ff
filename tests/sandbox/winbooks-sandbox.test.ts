import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { field, getApp, postToken } from './raw-token-request';
import { WinbooksSandbox } from './winbooks-sandbox';

let clockMs = Date.UTC(2025, 0, 6, 9, 0, 0);
let sandbox: WinbooksSandbox;

before(async () => {
  sandbox = await WinbooksSandbox.start({ now: () => clockMs });
});
after(async () => {
  await sandbox.stop();
});

let grantCounter = 0;
function newGrant(options: { accessLifetimeSeconds?: number } = {}): { email: string; exchangeToken: string } {
  grantCounter += 1;
  return sandbox.addGrant({ email: `client${grantCounter}@example.be`, ...options });
}

async function exchange(base: string, grant: { email: string; exchangeToken: string }) {
  return postToken(base, { email: grant.email, grantType: 'exchange_token', code: grant.exchangeToken });
}

async function refresh(base: string, email: string, refreshToken: string) {
  return postToken(base, { email, grantType: 'refresh_token', code: refreshToken });
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('token endpoint', () => {
  test('binds to 127.0.0.1 and serves both bases', async () => {
    assert.match(sandbox.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/u);
    assert.equal(sandbox.v2BaseUrl, `${sandbox.baseUrl}/wow/v2`);
    const grant = newGrant();
    for (const base of [sandbox.baseUrl, sandbox.v2BaseUrl]) {
      const answer = await exchange(base, grant);
      assert.equal(answer.status, 200, answer.text);
      assert.match(field(answer, 'access_token'), /^gAAAAA[A-Za-z0-9_-]{40,}$/u);
      assert.match(field(answer, 'refresh_token'), /^TGe0!IAAAA[A-Za-z0-9_-]{40,}$/u);
      assert.equal(answer.json?.expires_in, '900');
      assert.equal(answer.json?.token_type, 'bearer');
      assert.equal(answer.json?.scope, null);
    }
  });

  test('every issued token is new', async () => {
    const grant = newGrant();
    const first = await exchange(sandbox.baseUrl, grant);
    const second = await exchange(sandbox.baseUrl, grant);
    assert.notEqual(field(first, 'access_token'), field(second, 'access_token'));
    assert.notEqual(field(first, 'refresh_token'), field(second, 'refresh_token'));
  });

  test('refuses a missing, garbled or unknown Basic e-mail with 401', async () => {
    const grant = newGrant();
    const cases: (string | null)[] = [
      null,
      'Basic !!not-base64!!',
      `Bearer ${Buffer.from(grant.email).toString('base64')}`,
      `Basic ${Buffer.from('nobody@example.be').toString('base64')}`,
      `Basic ${Buffer.from(`${grant.email}:`).toString('base64')}`,
    ];
    for (const authorization of cases) {
      const answer = await postToken(sandbox.baseUrl, { authorization, grantType: 'exchange_token', code: grant.exchangeToken });
      assert.equal(answer.status, 401, `authorization ${String(authorization)}`);
      assert.equal(answer.json?.error, 'invalid_client');
    }
  });

  test('matches the e-mail case-insensitively', async () => {
    const grant = newGrant();
    const answer = await exchange(sandbox.baseUrl, { email: grant.email.toUpperCase(), exchangeToken: grant.exchangeToken });
    assert.equal(answer.status, 200, answer.text);
  });

  test('refuses a body that is not a form, an unknown grant type and a wrong exchange token with 400', async () => {
    const grant = newGrant();
    const json = await postToken(sandbox.baseUrl, { email: grant.email, grantType: 'exchange_token', code: grant.exchangeToken, contentType: 'application/json' });
    assert.equal(json.status, 400);
    assert.equal(json.json?.error, 'invalid_request');
    const password = await postToken(sandbox.baseUrl, { email: grant.email, grantType: 'password', code: grant.exchangeToken });
    assert.equal(password.status, 400);
    assert.equal(password.json?.error, 'unsupported_grant_type');
    const wrong = await exchange(sandbox.baseUrl, { email: grant.email, exchangeToken: 'not-the-token' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.json?.error, 'invalid_grant');
  });

  test("does not accept one grant's exchange token for another e-mail", async () => {
    const mine = newGrant();
    const theirs = newGrant();
    const answer = await exchange(sandbox.baseUrl, { email: mine.email, exchangeToken: theirs.exchangeToken });
    assert.equal(answer.status, 400);
    assert.equal(answer.json?.error, 'invalid_grant');
  });

  test('answers 404 outside the API and 405 to a GET on the token endpoint', async () => {
    assert.equal((await fetch(`${sandbox.baseUrl}/elsewhere`)).status, 404);
    assert.equal((await fetch(`${sandbox.v2BaseUrl}/OAuth20/Token`)).status, 405);
  });
});

describe('refresh-token rotation and reuse detection', () => {
  test('a refresh rotates the refresh token: the new one is valid, the old one superseded', async () => {
    const grant = newGrant();
    const first = field(await exchange(sandbox.baseUrl, grant), 'refresh_token');
    const answer = await refresh(sandbox.v2BaseUrl, grant.email, first);
    assert.equal(answer.status, 200, answer.text);
    const second = field(answer, 'refresh_token');
    assert.notEqual(second, first);
    assert.equal(sandbox.isRefreshTokenValid(grant.email, second), true);
    assert.equal(sandbox.isRefreshTokenValid(grant.email, first), false);
    assert.equal(sandbox.isRefreshTokenValid('someone.else@example.be', second), false);
  });

  test("a refresh token is refused for another grant's e-mail", async () => {
    const mine = newGrant();
    const theirs = newGrant();
    const theirRefresh = field(await exchange(sandbox.baseUrl, theirs), 'refresh_token');
    const answer = await refresh(sandbox.baseUrl, mine.email, theirRefresh);
    assert.equal(answer.status, 400);
    assert.equal(answer.json?.error, 'invalid_grant');
    assert.equal(sandbox.isRefreshTokenValid(theirs.email, theirRefresh), true, 'the owner keeps it');
  });

  test("reusing a superseded refresh token revokes the grant's whole token family, not the exchange token", async () => {
    const grant = newGrant();
    const otherFamily = await exchange(sandbox.baseUrl, grant);
    const firstAnswer = await exchange(sandbox.baseUrl, grant);
    const first = field(firstAnswer, 'refresh_token');
    const rotated = await refresh(sandbox.baseUrl, grant.email, first);
    const current = field(rotated, 'refresh_token');
    const currentAccess = field(rotated, 'access_token');
    assert.equal((await getApp(sandbox.baseUrl, 'dossiers', currentAccess)).status, 200);

    const reuse = await refresh(sandbox.baseUrl, grant.email, first);
    assert.equal(reuse.status, 400);
    assert.equal(reuse.json?.error, 'invalid_grant');
    assert.match(field(reuse, 'error_description'), /reuse/iu);

    assert.equal(sandbox.isRefreshTokenValid(grant.email, current), false);
    assert.equal(sandbox.isRefreshTokenValid(grant.email, field(otherFamily, 'refresh_token')), false);
    assert.equal((await refresh(sandbox.baseUrl, grant.email, current)).status, 400);
    for (const access of [currentAccess, field(firstAnswer, 'access_token'), field(otherFamily, 'access_token')]) {
      assert.equal((await getApp(sandbox.baseUrl, 'dossiers', access)).status, 401);
    }

    const again = await exchange(sandbox.baseUrl, grant);
    assert.equal(again.status, 200, 'the exchange token still works');
    assert.equal(sandbox.isRefreshTokenValid(grant.email, field(again, 'refresh_token')), true);
  });

  test('reuse detection on one grant leaves other grants alone', async () => {
    const victim = newGrant();
    const bystander = newGrant();
    const bystanderRefresh = field(await exchange(sandbox.baseUrl, bystander), 'refresh_token');
    const first = field(await exchange(sandbox.baseUrl, victim), 'refresh_token');
    await refresh(sandbox.baseUrl, victim.email, first);
    assert.equal((await refresh(sandbox.baseUrl, victim.email, first)).status, 400);
    assert.equal(sandbox.isRefreshTokenValid(bystander.email, bystanderRefresh), true);
  });
});

describe('grant revocation', () => {
  test('a revoked grant refuses exchange and refresh with 400 invalid_grant and its access tokens stop working', async () => {
    const grant = newGrant();
    const answer = await exchange(sandbox.baseUrl, grant);
    const refreshToken = field(answer, 'refresh_token');
    const accessToken = field(answer, 'access_token');
    sandbox.revokeGrant(grant.email);

    for (const refused of [await exchange(sandbox.baseUrl, grant), await refresh(sandbox.baseUrl, grant.email, refreshToken)]) {
      assert.equal(refused.status, 400);
      assert.equal(refused.json?.error, 'invalid_grant');
      assert.match(field(refused, 'error_description'), /revoked/iu);
    }
    assert.equal(sandbox.isRefreshTokenValid(grant.email, refreshToken), false);
    assert.equal((await getApp(sandbox.baseUrl, 'x', accessToken)).status, 401);
  });

  test('granting again to the same e-mail gives a new exchange token that works; the old one does not', async () => {
    const grant = newGrant();
    sandbox.revokeGrant(grant.email);
    const renewed = sandbox.addGrant({ email: grant.email });
    assert.notEqual(renewed.exchangeToken, grant.exchangeToken);
    assert.equal((await exchange(sandbox.baseUrl, renewed)).status, 200);
    assert.equal((await exchange(sandbox.baseUrl, grant)).status, 400);
  });

  test('revoking an unknown e-mail is a test mistake and throws', () => {
    assert.throws(() => sandbox.revokeGrant('never.granted@example.be'), /no grant/u);
  });
});

describe('access-token lifetime', () => {
  test('per grant overrides the default; the default can change; expires_in follows, as a string', async () => {
    const own = newGrant({ accessLifetimeSeconds: 60 });
    const plain = newGrant();
    assert.equal((await exchange(sandbox.baseUrl, own)).json?.expires_in, '60');
    sandbox.setAccessLifetime(null, 120);
    try {
      assert.equal((await exchange(sandbox.baseUrl, plain)).json?.expires_in, '120');
      assert.equal((await exchange(sandbox.baseUrl, own)).json?.expires_in, '60');
      sandbox.setAccessLifetime(plain.email, 30);
      assert.equal((await exchange(sandbox.baseUrl, plain)).json?.expires_in, '30');
    } finally {
      sandbox.setAccessLifetime(null, 900);
    }
  });

  test('refuses a lifetime that is not a positive number', () => {
    assert.throws(() => sandbox.setAccessLifetime(null, 0), /positive/u);
    assert.throws(() => sandbox.setAccessLifetime(null, Number.NaN), /positive/u);
  });

  test('the start option sets the default lifetime', async () => {
    const short = await WinbooksSandbox.start({ accessLifetimeSeconds: 45 });
    try {
      const grant = short.addGrant({ email: 'short@example.be' });
      assert.equal((await exchange(short.baseUrl, grant)).json?.expires_in, '45');
    } finally {
      await short.stop();
    }
  });
});

describe('resource calls under {base}/app', () => {
  test('need a valid, unexpired bearer token, under both bases', async () => {
    const grant = newGrant({ accessLifetimeSeconds: 100 });
    const accessToken = field(await exchange(sandbox.baseUrl, grant), 'access_token');
    for (const base of [sandbox.baseUrl, sandbox.v2BaseUrl]) {
      const ok = await getApp(base, 'folders/list', accessToken);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.json?.email, grant.email);
      assert.equal(ok.json?.path, '/app/folders/list');
    }
    assert.equal((await getApp(sandbox.baseUrl, 'x', null)).status, 401);
    assert.equal((await getApp(sandbox.baseUrl, 'x', 'gAAAAABnot-a-real-token')).status, 401);
    const refreshToken = field(await exchange(sandbox.baseUrl, grant), 'refresh_token');
    assert.equal((await getApp(sandbox.baseUrl, 'x', refreshToken)).status, 401, 'a refresh token is not a bearer token');
    assert.equal(sandbox.isAccessTokenValid(accessToken), true);

    const startedAt = clockMs;
    try {
      clockMs = startedAt + 100_000 - 1;
      assert.equal((await getApp(sandbox.baseUrl, 'x', accessToken)).status, 200, 'one ms before expiry');
      clockMs = startedAt + 100_000;
      const expired = await getApp(sandbox.baseUrl, 'x', accessToken);
      assert.equal(expired.status, 401, 'at expiry');
      assert.equal(expired.json?.error, 'invalid_token');
    } finally {
      clockMs = startedAt;
    }
  });
});

describe('counts and issued secrets', () => {
  test('counts token requests per e-mail and in total, whatever their outcome', async () => {
    const grant = newGrant();
    const other = newGrant();
    const totalBefore = sandbox.tokenRequestCount();
    await exchange(sandbox.baseUrl, grant);
    await exchange(sandbox.v2BaseUrl, { email: grant.email, exchangeToken: 'wrong' });
    sandbox.injectFault('unavailable-503', { email: grant.email, times: 1 });
    await exchange(sandbox.baseUrl, grant);
    await exchange(sandbox.baseUrl, other);
    await postToken(sandbox.baseUrl, { email: 'stranger@example.be', grantType: 'exchange_token', code: 'x' });
    assert.equal(sandbox.tokenRequestCount(grant.email), 3);
    assert.equal(sandbox.tokenRequestCount(grant.email.toUpperCase()), 3);
    assert.equal(sandbox.tokenRequestCount(other.email), 1);
    assert.equal(sandbox.tokenRequestCount(), totalBefore + 5);
    await getApp(sandbox.baseUrl, 'x', null);
    assert.equal(sandbox.tokenRequestCount(), totalBefore + 5, 'resource calls are not token requests');
  });

  test('issuedSecrets lists seeded exchange tokens and every issued token', async () => {
    const seeded = sandbox.addGrant({ email: 'seeded@example.be', exchangeToken: 'seeded-exchange-token' });
    const answer = await exchange(sandbox.baseUrl, seeded);
    const refreshed = await refresh(sandbox.baseUrl, seeded.email, field(answer, 'refresh_token'));
    const secrets = sandbox.issuedSecrets();
    for (const token of [
      'seeded-exchange-token',
      field(answer, 'access_token'),
      field(answer, 'refresh_token'),
      field(refreshed, 'access_token'),
      field(refreshed, 'refresh_token'),
    ]) {
      assert.ok(secrets.includes(token), 'a token is missing from issuedSecrets');
    }
  });
});

describe('injected faults', () => {
  test('html-500, unavailable-503, non-json-200 and missing-fields-200 answer as the live API might', async () => {
    const grant = newGrant();
    try {
      sandbox.injectFault('html-500', { times: 1 });
      sandbox.injectFault('unavailable-503', { times: 1 });
      sandbox.injectFault('non-json-200', { times: 1 });
      sandbox.injectFault('missing-fields-200', { times: 1 });

      const html = await exchange(sandbox.baseUrl, grant);
      assert.equal(html.status, 500);
      assert.match(html.contentType ?? '', /text\/html/u);
      assert.match(html.text, /^<!DOCTYPE html>/u);
      const unavailable = await exchange(sandbox.baseUrl, grant);
      assert.equal(unavailable.status, 503);
      const nonJson = await exchange(sandbox.baseUrl, grant);
      assert.equal(nonJson.status, 200);
      assert.equal(nonJson.json, null);
      const missing = await exchange(sandbox.baseUrl, grant);
      assert.equal(missing.status, 200);
      assert.equal(missing.json?.access_token, undefined);
      assert.equal(missing.json?.expires_in, undefined);

      assert.equal((await exchange(sandbox.baseUrl, grant)).status, 200, 'every times-limited fault is used up');
    } finally {
      sandbox.clearFaults();
    }
  });

  test('a fault hits after the server acted, unless processed: false (a proxy failing before the origin)', async () => {
    const grant = newGrant();
    const refreshToken = field(await exchange(sandbox.baseUrl, grant), 'refresh_token');
    sandbox.injectFault('html-500', { times: 1, processed: false });
    assert.equal((await refresh(sandbox.baseUrl, grant.email, refreshToken)).status, 500);
    assert.equal(sandbox.isRefreshTokenValid(grant.email, refreshToken), true, 'not processed: still valid');
    for (const fault of ['html-500', 'unavailable-503', 'non-json-200', 'missing-fields-200'] as const) {
      const fresh = field(await exchange(sandbox.baseUrl, grant), 'refresh_token');
      sandbox.injectFault(fault, { times: 1 });
      await refresh(sandbox.baseUrl, grant.email, fresh);
      assert.equal(sandbox.isRefreshTokenValid(grant.email, fresh), false, `${fault}: the server rotated it before failing`);
    }
  });

  test('counts every reuse: a refresh token presented a second time, whatever the first answer was', async () => {
    const grant = newGrant();
    const refreshToken = field(await exchange(sandbox.baseUrl, grant), 'refresh_token');
    const before = sandbox.reuseEvents();
    assert.equal((await refresh(sandbox.baseUrl, grant.email, refreshToken)).status, 200);
    assert.equal(sandbox.reuseEvents(grant.email), 0);
    assert.equal((await refresh(sandbox.baseUrl, grant.email, refreshToken)).status, 400);
    assert.equal((await refresh(sandbox.baseUrl, grant.email, refreshToken)).status, 400);
    assert.equal(sandbox.reuseEvents(grant.email), 2);
    assert.equal(sandbox.reuseEvents() - before, 2);
  });

  test('reset destroys the connection', async () => {
    const grant = newGrant();
    sandbox.injectFault('reset', { times: 1 });
    await assert.rejects(exchange(sandbox.baseUrl, grant), TypeError);
    assert.equal((await exchange(sandbox.baseUrl, grant)).status, 200);
  });

  test('a fault without times lasts until cleared; faults can be scoped to one e-mail', async () => {
    const target = newGrant();
    const bystander = newGrant();
    sandbox.injectFault('unavailable-503', { email: target.email });
    try {
      assert.equal((await exchange(sandbox.baseUrl, target)).status, 503);
      assert.equal((await exchange(sandbox.baseUrl, target)).status, 503);
      assert.equal((await exchange(sandbox.baseUrl, bystander)).status, 200);
    } finally {
      sandbox.clearFaults();
    }
    assert.equal((await exchange(sandbox.baseUrl, target)).status, 200);
  });

  test('times-limited faults play in the order injected', async () => {
    const grant = newGrant();
    sandbox.injectFault('html-500', { times: 1 });
    sandbox.injectFault('unavailable-503', { times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await exchange(sandbox.baseUrl, grant)).status);
    assert.deepEqual(statuses, [500, 503, 503, 200]);
  });

  test('lost-answer: the refresh happens on the server, the answer never arrives, and retrying it trips reuse detection', async () => {
    const grant = newGrant();
    const refreshToken = field(await exchange(sandbox.baseUrl, grant), 'refresh_token');
    sandbox.injectFault('lost-answer', { times: 1 });
    await assert.rejects(refresh(sandbox.baseUrl, grant.email, refreshToken), TypeError);
    assert.equal(sandbox.isRefreshTokenValid(grant.email, refreshToken), false, 'the server rotated it');
    const retry = await refresh(sandbox.baseUrl, grant.email, refreshToken);
    assert.equal(retry.status, 400);
    assert.match(field(retry, 'error_description'), /reuse/iu);
    assert.equal((await exchange(sandbox.baseUrl, grant)).status, 200, 'the ladder: exchanging again works');
  });

  test('a slow answer still arrives, and is a real answer', async () => {
    const grant = newGrant();
    sandbox.injectFault({ kind: 'slow', delayMs: 50 }, { times: 1 });
    const answer = await exchange(sandbox.baseUrl, grant);
    assert.equal(answer.status, 200);
    assert.equal(sandbox.isRefreshTokenValid(grant.email, field(answer, 'refresh_token')), true);
  });

  test('refuses meaningless fault options', () => {
    assert.throws(() => sandbox.injectFault('hang', { times: 0 }), /positive integer/u);
    assert.throws(() => sandbox.injectFault({ kind: 'slow', delayMs: -1 }), /non-negative/u);
  });

  test('hang never answers, and stop() still closes the server, hung and slow requests included', async () => {
    const own = await WinbooksSandbox.start();
    const grant = own.addGrant({ email: 'hung@example.be' });
    own.injectFault('hang', { times: 1 });
    own.injectFault({ kind: 'slow', delayMs: 3_600_000 }, { times: 1 });
    let settled = false;
    const outcomes = Promise.allSettled([exchange(own.baseUrl, grant), exchange(own.baseUrl, grant)]).finally(() => {
      settled = true;
    });
    await waitFor(() => own.tokenRequestCount() === 2, 'both requests to reach the sandbox');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(settled, false, 'neither request gets an answer');
    await own.stop();
    for (const outcome of await outcomes) {
      assert.equal(outcome.status, 'rejected');
      assert.ok(outcome.reason instanceof TypeError, 'fetch fails once the socket is destroyed');
    }
    await own.stop();
  });
});
