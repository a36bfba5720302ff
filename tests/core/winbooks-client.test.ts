import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createWinbooksTokenClient, tokenEndpointUrl } from '../../electron/core/winbooks/winbooks-client';
import type { HttpPost } from '../../electron/core/winbooks/http-post';
import type { TokenGrant, TokenOutcome } from '../../electron/core/winbooks/token-types';
import { jsonAnswer, ScriptedTokenServer } from '../sandbox/scripted-token-server';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';

const NOW = Date.UTC(2025, 2, 3, 8, 30, 0);
let sandbox: WinbooksSandbox;
let scripted: ScriptedTokenServer;
/** Every outcome this file saw, searched at the end for leaked tokens. */
const outcomes: TokenOutcome[] = [];
/** Tokens handed to the scripted server, which the sandbox does not know about. */
const scriptedSecrets: string[] = [];

const client = createWinbooksTokenClient({ now: () => NOW, timeoutMs: 10_000 });

before(async () => {
  sandbox = await WinbooksSandbox.start();
  scripted = await ScriptedTokenServer.start();
});
after(async () => {
  await Promise.all([sandbox.stop(), scripted.stop()]);
});

function seen(outcome: TokenOutcome): TokenOutcome {
  outcomes.push(outcome);
  return outcome;
}

function success(outcome: TokenOutcome): TokenGrant {
  if (outcome.kind !== 'success') assert.fail(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.grant;
}

function assertTransient(outcome: TokenOutcome, reason: string, status?: number): string {
  if (outcome.kind !== 'transient') assert.fail(`expected transient ${reason}, got ${JSON.stringify(outcome)}`);
  assert.equal(outcome.reason, reason);
  assert.equal(outcome.status, status);
  assert.ok(outcome.message.length > 0, 'a transient outcome explains itself');
  return outcome.message;
}

function assertRejected(outcome: TokenOutcome, status: number): string {
  if (outcome.kind !== 'rejected') assert.fail(`expected rejected ${status}, got ${JSON.stringify(outcome)}`);
  assert.equal(outcome.status, status);
  return outcome.message;
}

let grantCounter = 0;
function newGrant(accessLifetimeSeconds?: number): { email: string; exchangeToken: string } {
  grantCounter += 1;
  return sandbox.addGrant({ email: `accountant${grantCounter}@example.be`, accessLifetimeSeconds });
}

async function exchangeAt(host: string, grant: { email: string; exchangeToken: string }, using = client): Promise<TokenOutcome> {
  return seen(await using.exchange({ host, email: grant.email, exchangeToken: grant.exchangeToken }));
}

async function refreshAt(host: string, email: string, refreshToken: string, using = client): Promise<TokenOutcome> {
  return seen(await using.refresh({ host, email, refreshToken }));
}

describe('against the sandbox: success', () => {
  test('exchange under both bases: tokens, the string expires_in as a wall-clock expiry', async () => {
    const grant = newGrant(900);
    for (const host of [sandbox.baseUrl, sandbox.v2BaseUrl, `${sandbox.v2BaseUrl}/`]) {
      const result = success(await exchangeAt(host, grant));
      assert.match(result.accessToken, /^gAAAAA/u);
      assert.match(result.refreshToken, /^TGe0!IAAAA/u);
      assert.equal(result.refreshTokenRotated, true);
      assert.equal(result.issuedAt, NOW);
      assert.equal(result.expiresAt, NOW + 900_000);
      assert.equal(sandbox.isAccessTokenValid(result.accessToken), true);
      assert.equal(sandbox.isRefreshTokenValid(grant.email, result.refreshToken), true);
    }
  });

  test('refresh stores the rotated refresh token, and the sandbox agrees which one is valid', async () => {
    const grant = newGrant(60);
    const first = success(await exchangeAt(sandbox.baseUrl, grant));
    const second = success(await refreshAt(sandbox.v2BaseUrl, grant.email, first.refreshToken));
    assert.notEqual(second.refreshToken, first.refreshToken);
    assert.equal(second.refreshTokenRotated, true);
    assert.equal(second.expiresAt, NOW + 60_000);
    assert.equal(sandbox.isRefreshTokenValid(grant.email, second.refreshToken), true);
    assert.equal(sandbox.isRefreshTokenValid(grant.email, first.refreshToken), false);
  });

  test('a slow answer within the timeout is still a success', async () => {
    const grant = newGrant();
    sandbox.injectFault({ kind: 'slow', delayMs: 100 }, { email: grant.email, times: 1 });
    success(await exchangeAt(sandbox.baseUrl, grant));
  });

  test('the sent exchange token survives form encoding ("!", "+", "=", "&")', async () => {
    const grant = sandbox.addGrant({ email: 'symbols@example.be', exchangeToken: 'TGe0!a+b=c&d%e/f' });
    success(await exchangeAt(sandbox.baseUrl, grant));
  });
});

describe('against the sandbox: rejected', () => {
  test('a wrong exchange token: 400 with the server reason', async () => {
    const grant = newGrant();
    const message = assertRejected(await exchangeAt(sandbox.baseUrl, { email: grant.email, exchangeToken: 'WbXwrong' }), 400);
    assert.match(message, /exchange token/u);
    assert.match(message, /invalid_grant/u);
  });

  test('an unknown e-mail: 401', async () => {
    const message = assertRejected(await exchangeAt(sandbox.baseUrl, { email: 'unknown@example.be', exchangeToken: 'WbXwhatever' }), 401);
    assert.match(message, /invalid_client/u);
  });

  test('a revoked grant refuses both exchange and refresh', async () => {
    const grant = newGrant();
    const first = success(await exchangeAt(sandbox.baseUrl, grant));
    sandbox.revokeGrant(grant.email);
    assert.match(assertRejected(await exchangeAt(sandbox.baseUrl, grant), 400), /revoked/u);
    assert.match(assertRejected(await refreshAt(sandbox.baseUrl, grant.email, first.refreshToken), 400), /revoked/u);
  });

  test('a reused refresh token is refused, and so is the current one afterwards; exchanging again works', async () => {
    const grant = newGrant();
    const first = success(await exchangeAt(sandbox.baseUrl, grant));
    const second = success(await refreshAt(sandbox.baseUrl, grant.email, first.refreshToken));
    assert.match(assertRejected(await refreshAt(sandbox.baseUrl, grant.email, first.refreshToken), 400), /reuse/u);
    assertRejected(await refreshAt(sandbox.baseUrl, grant.email, second.refreshToken), 400);
    success(await exchangeAt(sandbox.baseUrl, grant));
  });
});

describe('against the sandbox: transient faults', () => {
  const cases: { fault: Parameters<WinbooksSandbox['injectFault']>[0]; reason: string; status?: number }[] = [
    { fault: 'html-500', reason: 'server-error', status: 500 },
    { fault: 'unavailable-503', reason: 'server-error', status: 503 },
    { fault: 'non-json-200', reason: 'bad-response', status: 200 },
    { fault: 'missing-fields-200', reason: 'bad-response', status: 200 },
    { fault: 'reset', reason: 'network' },
  ];
  for (const { fault, reason, status } of cases) {
    test(`${JSON.stringify(fault)} -> transient ${reason}, for exchange and refresh, and it may have arrived`, async () => {
      const grant = newGrant();
      const first = success(await exchangeAt(sandbox.baseUrl, grant));
      // A proxy failing before the origin: the refresh token is left valid, yet the client cannot know that.
      sandbox.injectFault(fault, { email: grant.email, times: 2, processed: false });
      const exchanged = await exchangeAt(sandbox.baseUrl, grant);
      const exchangeMessage = assertTransient(exchanged, reason, status);
      const refreshed = await refreshAt(sandbox.baseUrl, grant.email, first.refreshToken);
      assertTransient(refreshed, reason, status);
      assert.equal(refreshed.kind === 'transient' && refreshed.mayHaveArrived, true, 'the refresh token must be taken as spent');
      assert.doesNotMatch(exchangeMessage, /<|DOCTYPE/u, 'no HTML in the message');
      assert.equal(sandbox.isRefreshTokenValid(grant.email, first.refreshToken), true);
      success(await refreshAt(sandbox.baseUrl, grant.email, first.refreshToken));
    });
  }

  test('lost-answer (the server rotated, the answer never came) -> transient network', async () => {
    const grant = newGrant();
    const first = success(await exchangeAt(sandbox.baseUrl, grant));
    sandbox.injectFault('lost-answer', { email: grant.email, times: 1 });
    assertTransient(await refreshAt(sandbox.baseUrl, grant.email, first.refreshToken), 'network');
  });

  test('hang -> transient timeout after timeoutMs', async () => {
    const quick = createWinbooksTokenClient({ now: () => NOW, timeoutMs: 300 });
    const grant = newGrant();
    sandbox.injectFault('hang', { email: grant.email, times: 1 });
    const message = assertTransient(await exchangeAt(sandbox.baseUrl, grant, quick), 'timeout');
    assert.match(message, /0\.3 s/u);
  });

  test('an answer slower than timeoutMs -> transient timeout', async () => {
    const quick = createWinbooksTokenClient({ now: () => NOW, timeoutMs: 200 });
    const grant = newGrant();
    sandbox.injectFault({ kind: 'slow', delayMs: 5_000 }, { email: grant.email, times: 1 });
    assertTransient(await exchangeAt(sandbox.baseUrl, grant, quick), 'timeout');
  });

  test('connection refused -> transient network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const message = assertTransient(await exchangeAt(`http://127.0.0.1:${port}`, { email: 'a@example.be', exchangeToken: 'WbXtoken' }), 'network');
    assert.match(message, /refused/u);
  });
});

describe('against a scripted server: what the client sends and the answers the sandbox never gives', () => {
  const email = 'comptable@fiduciaire.be';

  test('sends exactly the documented request for exchange and refresh', async () => {
    scriptedSecrets.push('WbX!exchange+token', 'TGe0!IAAAAold');
    scripted.answerNext(jsonAnswer(200, { access_token: 'gAAAAABone', expires_in: '900', refresh_token: 'TGe0!IAAAAone' }));
    scripted.answerNext(jsonAnswer(200, { access_token: 'gAAAAABtwo', expires_in: '900', refresh_token: 'TGe0!IAAAAtwo' }));
    scriptedSecrets.push('gAAAAABone', 'TGe0!IAAAAone', 'gAAAAABtwo', 'TGe0!IAAAAtwo');
    await exchangeAt(`${scripted.baseUrl}/wow/v2`, { email, exchangeToken: 'WbX!exchange+token' });
    await refreshAt(scripted.baseUrl, email, 'TGe0!IAAAAold');
    const [exchangeRequest, refreshRequest] = scripted.requests.slice(-2);
    assert.ok(exchangeRequest !== undefined && refreshRequest !== undefined, 'both requests were recorded');
    assert.equal(exchangeRequest.method, 'POST');
    assert.equal(exchangeRequest.url, '/wow/v2/OAuth20/Token');
    assert.equal(refreshRequest.url, '/OAuth20/Token');
    for (const request of [exchangeRequest, refreshRequest]) {
      assert.equal(request.headers.authorization, `Basic ${Buffer.from(email).toString('base64')}`);
      assert.equal(Buffer.from(request.headers.authorization.slice(6), 'base64').toString(), email, 'the e-mail alone, no colon');
      assert.equal(request.headers.accept, 'application/json');
      assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
    }
    assert.equal(exchangeRequest.body, 'grant_type=exchange_token&code=WbX%21exchange%2Btoken');
    assert.equal(refreshRequest.body, 'grant_type=refresh_token&code=TGe0%21IAAAAold');
  });

  test('expires_in as a number, an integer string, a decimal string', async () => {
    for (const [expiresIn, ms] of [[3600, 3_600_000], ['86400', 86_400_000], [' 900 ', 900_000], ['1.5', 1_500]] as const) {
      scripted.answerNext(jsonAnswer(200, { access_token: 'gAAAAABexp', expires_in: expiresIn, refresh_token: 'TGe0!IAAAAexp' }));
      const result = success(await exchangeAt(scripted.baseUrl, { email, exchangeToken: 'WbXexp' }));
      assert.equal(result.expiresAt - result.issuedAt, ms, `expires_in ${JSON.stringify(expiresIn)}`);
    }
    scriptedSecrets.push('gAAAAABexp', 'TGe0!IAAAAexp', 'WbXexp');
  });

  test('a refresh answer without refresh_token (absent, null or empty) keeps the one sent', async () => {
    scriptedSecrets.push('TGe0!IAAAAkept', 'gAAAAABkept');
    for (const refreshField of [{}, { refresh_token: null }, { refresh_token: '' }, { refresh_token: 'TGe0!IAAAAkept' }]) {
      scripted.answerNext(jsonAnswer(200, { access_token: 'gAAAAABkept', expires_in: 900, ...refreshField }));
      const result = success(await refreshAt(scripted.baseUrl, email, 'TGe0!IAAAAkept'));
      assert.equal(result.refreshToken, 'TGe0!IAAAAkept');
      assert.equal(result.refreshTokenRotated, false);
      assert.equal(result.accessToken, 'gAAAAABkept');
    }
  });

  test('an exchange answer without refresh_token is a bad response', async () => {
    scripted.answerNext(jsonAnswer(200, { access_token: 'gAAAAABnorefresh', expires_in: '900' }));
    scriptedSecrets.push('gAAAAABnorefresh');
    assert.match(assertTransient(await exchangeAt(scripted.baseUrl, { email, exchangeToken: 'WbXx' }), 'bad-response', 200), /refresh_token/u);
  });

  test('unusable 200 answers are bad responses that name the field, never its value', async () => {
    const bodies: unknown[] = [
      { access_token: '', expires_in: '900', refresh_token: 'TGe0!IAAAAbad' },
      { access_token: 'gAAAAAB with spaces', expires_in: '900', refresh_token: 'TGe0!IAAAAbad' },
      { access_token: 'gAAAAABbad', expires_in: '0', refresh_token: 'TGe0!IAAAAbad' },
      { access_token: 'gAAAAABbad', expires_in: -5, refresh_token: 'TGe0!IAAAAbad' },
      { access_token: 'gAAAAABbad', expires_in: 'soon', refresh_token: 'TGe0!IAAAAbad' },
      { access_token: 'gAAAAABbad', expires_in: '1'.repeat(400), refresh_token: 'TGe0!IAAAAbad' },
      { access_token: 'gAAAAABbad', refresh_token: 'TGe0!IAAAAbad' },
      { access_token: 'gAAAAABbad', expires_in: '900', refresh_token: 42 },
      ['gAAAAABbad'],
      null,
    ];
    scriptedSecrets.push('gAAAAABbad', 'TGe0!IAAAAbad', 'gAAAAAB with spaces');
    for (const body of bodies) {
      scripted.answerNext(jsonAnswer(200, body));
      const message = assertTransient(await refreshAt(scripted.baseUrl, email, 'TGe0!IAAAAsent'), 'bad-response', 200);
      assert.match(message, /access_token|expires_in|refresh_token|body/u, JSON.stringify(body));
    }
    scriptedSecrets.push('TGe0!IAAAAsent');
  });

  test('refusal messages: JSON error_description/error/message, short plain text, nothing from HTML or an empty body', async () => {
    const cases: { answer: Parameters<ScriptedTokenServer['answerNext']>[0]; status: number; expect: RegExp }[] = [
      { answer: jsonAnswer(400, { error: 'invalid_grant', error_description: 'Grant expired' }), status: 400, expect: /: Grant expired \(invalid_grant\)$/u },
      { answer: jsonAnswer(400, { error: 'invalid_grant' }), status: 400, expect: /: invalid_grant$/u },
      { answer: jsonAnswer(401, { message: 'Authorization has been denied for this request.' }), status: 401, expect: /: Authorization has been denied for this request\.$/u },
      { answer: { status: 400, body: '  Bad exchange token\r\n' }, status: 400, expect: /: Bad exchange token$/u },
      { answer: { status: 401, body: '<html><body><h1>401 Unauthorized</h1></body></html>', headers: { 'Content-Type': 'text/html' } }, status: 401, expect: /\(HTTP 401\)\.$/u },
      { answer: { status: 400, body: '' }, status: 400, expect: /\(HTTP 400\)\.$/u },
    ];
    for (const { answer, status, expect } of cases) {
      scripted.answerNext(answer);
      assert.match(assertRejected(await exchangeAt(scripted.baseUrl, { email, exchangeToken: 'WbXrefused' }), status), expect);
    }
    scriptedSecrets.push('WbXrefused');
  });

  test('a refusal that echoes the token sent, or any token-like text, never shows it; long reasons are cut', async () => {
    const sent = 'TGe0!IAAAAechoedSecretRefreshToken';
    const stranger = 'gAAAAABthisLooksLikeSomeOtherAccessTokenValue';
    scriptedSecrets.push(sent, stranger);
    scripted.answerNext(jsonAnswer(400, { error: 'invalid_grant', error_description: `Token ${sent} (and ${stranger}) is invalid` }));
    const message = assertRejected(await refreshAt(scripted.baseUrl, email, sent), 400);
    assert.ok(!message.includes(sent) && !message.includes(stranger), 'the refusal message shows a token');
    assert.match(message, /\[redacted\]/u);

    scripted.answerNext({ status: 400, body: 'word '.repeat(500) });
    const long = assertRejected(await refreshAt(scripted.baseUrl, email, sent), 400);
    assert.ok(long.length < 300, `message length ${long.length}`);
  });

  test('other statuses are transient server errors; a redirect is not followed', async () => {
    for (const status of [404, 429, 502, 302]) {
      scripted.answerNext({ status, body: 'nope', headers: { 'Content-Type': 'text/plain', Location: `${scripted.baseUrl}/elsewhere` } });
    }
    const before = scripted.requests.length;
    for (const status of [404, 429, 502, 302]) {
      assertTransient(await exchangeAt(scripted.baseUrl, { email, exchangeToken: 'WbXstatus' }), 'server-error', status);
    }
    assert.equal(scripted.requests.length, before + 4, 'the redirect was not followed');
    scriptedSecrets.push('WbXstatus');
  });
});

describe('hosts and URLs', () => {
  test('the live hosts give {base}/OAuth20/Token', () => {
    assert.deepEqual(tokenEndpointUrl('https://rapi.winbooksonweb.be'), { ok: true, url: 'https://rapi.winbooksonweb.be/OAuth20/Token' });
    assert.deepEqual(tokenEndpointUrl('https://prd.winbooksapis.be/wow/v2'), { ok: true, url: 'https://prd.winbooksapis.be/wow/v2/OAuth20/Token' });
    assert.deepEqual(tokenEndpointUrl(' https://PRD.winbooksapis.be/wow/v2/ '), { ok: true, url: 'https://prd.winbooksapis.be/wow/v2/OAuth20/Token' });
    assert.deepEqual(tokenEndpointUrl('http://[::1]:8080'), { ok: true, url: 'http://[::1]:8080/OAuth20/Token' });
  });

  test('the client posts to those URLs (recording transport)', async () => {
    const urls: string[] = [];
    const recording: HttpPost = (url) => {
      urls.push(String(url));
      return Promise.resolve({ status: 200, contentType: 'application/json', body: JSON.stringify({ access_token: 'gAAAAABrec', expires_in: '900', refresh_token: 'TGe0!IAAAArec' }) });
    };
    scriptedSecrets.push('gAAAAABrec', 'TGe0!IAAAArec', 'WbXrec');
    const recorded = createWinbooksTokenClient({ post: recording, now: () => NOW });
    success(await exchangeAt('https://rapi.winbooksonweb.be', { email: 'a@example.be', exchangeToken: 'WbXrec' }, recorded));
    success(await refreshAt('https://prd.winbooksapis.be/wow/v2', 'a@example.be', 'TGe0!IAAAArec', recorded));
    assert.deepEqual(urls, ['https://rapi.winbooksonweb.be/OAuth20/Token', 'https://prd.winbooksapis.be/wow/v2/OAuth20/Token']);
  });

  test('a host the rules refuse is never contacted: transient network with the reason', async () => {
    let calls = 0;
    const counting: HttpPost = () => {
      calls += 1;
      return Promise.reject(new Error('must not be called'));
    };
    const guarded = createWinbooksTokenClient({ post: counting });
    for (const host of ['http://rapi.winbooksonweb.be', 'not a url', 'https://user:pw@rapi.winbooksonweb.be', 'https://rapi.winbooksonweb.be/OAuth20/Token']) {
      assert.match(assertTransient(await exchangeAt(host, { email: 'a@example.be', exchangeToken: 'WbXguard' }, guarded), 'network'), /^Not sent: Host:/u);
    }
    assert.equal(calls, 0);
  });

  test('whatever the transport throws (even a non-Error) becomes a typed outcome', async () => {
    const throwing = createWinbooksTokenClient({ post: () => Promise.reject(new Error('boom')) });
    assertTransient(await exchangeAt('https://rapi.winbooksonweb.be', { email: 'a@example.be', exchangeToken: 'WbXthrow' }, throwing), 'network');
    const throwingString = createWinbooksTokenClient({
      post: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the client must survive whatever a transport throws
        throw 'a string';
      },
    });
    assertTransient(await refreshAt('https://rapi.winbooksonweb.be', 'a@example.be', 'TGe0!IAAAAthrow', throwingString), 'network');
  });
});

test('no outcome message ever contains a token the sandbox or the scripted server handed out or received', () => {
  const secrets = [...sandbox.issuedSecrets(), ...scriptedSecrets];
  assert.ok(outcomes.length > 40, `only ${outcomes.length} outcomes recorded`);
  assert.ok(secrets.length > 40, `only ${secrets.length} secrets known`);
  for (const outcome of outcomes) {
    if (outcome.kind === 'success') continue;
    for (const secret of secrets) assert.ok(!outcome.message.includes(secret), `an outcome message contains a token: ${outcome.kind}`);
  }
});
