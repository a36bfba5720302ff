import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import { GatewayFixture, send } from './gateway-fixture';

let fixture: GatewayFixture;

beforeEach(async () => {
  fixture = await GatewayFixture.start({ replayLimitBytes: 1024 });
});

afterEach(async () => {
  await fixture.stop();
});

describe('a 401 from Winbooks', () => {
  test('renews the token once and retries once: the caller sees 200', async () => {
    const { key, email } = await fixture.addAccount('Acme Bakery', { lifetimeSeconds: 900 });
    const before = fixture.sandbox.tokenRequestCount(email);
    // Winbooks now considers the token expired; the app still believes it has 15 minutes.
    fixture.sandboxAheadMs = 901_000;
    const answer = await send(fixture.port, `/${key}/app/Echo/x`, { method: 'POST', body: '{"small":true}' });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(fixture.sandbox.tokenRequestCount(email) - before, 1, 'one refresh');
    assert.ok(fixture.logger.events().includes('gateway.retry-after-401'));
  });

  test('50 requests that all meet the 401 share one refresh', async () => {
    const { key, email } = await fixture.addAccount('Busy Ltd', { lifetimeSeconds: 900 });
    const before = fixture.sandbox.tokenRequestCount(email);
    fixture.sandboxAheadMs = 901_000;
    const answers = await Promise.all(Array.from({ length: 50 }, () => send(fixture.port, `/${key}/app/Customers/Folder/A`)));
    assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([200]));
    assert.equal(fixture.sandbox.tokenRequestCount(email) - before, 1);
  });

  test('is passed through, with no refresh, when the body was too large to replay', async () => {
    const { key, email } = await fixture.addAccount('Upload Ltd', { lifetimeSeconds: 900 });
    const before = fixture.sandbox.tokenRequestCount(email);
    fixture.sandboxAheadMs = 901_000;
    const answer = await send(fixture.port, `/${key}/app/Echo/upload`, { method: 'POST', body: Buffer.alloc(4096, 'y') });
    assert.equal(answer.status, 401);
    assert.equal(fixture.sandbox.tokenRequestCount(email), before);
  });

  test('twice in a row (the new token refused too) reaches the caller as 401 after one retry', async () => {
    const { key, email } = await fixture.addAccount('Stubborn Ltd', { lifetimeSeconds: 900 });
    const before = fixture.sandbox.tokenRequestCount(email);
    // The echo endpoint answers 401 whatever the token: the renewed token is refused too.
    const answer = await send(fixture.port, `/${key}/app/Echo/x?status=401`);
    assert.equal(answer.status, 401);
    assert.equal(fixture.sandbox.tokenRequestCount(email) - before, 1, 'one refresh, one retry, no loop');
  });
});

describe('an account whose token is about to expire', () => {
  test('200 concurrent requests cause exactly 1 token request', async () => {
    // Issued for 20 s: below the 30 s the gateway asks for, so the first requests must refresh it.
    const { key, email } = await fixture.addAccount('Expiring Ltd', { lifetimeSeconds: 20 });
    fixture.sandbox.setAccessLifetime(email, 900);
    const before = fixture.sandbox.tokenRequestCount(email);
    const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 200 });
    const statuses = await Promise.all(
      Array.from(
        { length: 200 },
        () =>
          new Promise<number>((resolve, reject) => {
            const req = httpRequest({ host: '127.0.0.1', port: fixture.port, path: `/${key}/app/Customers/Folder/A?limit=1`, agent }, (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            });
            req.on('error', reject);
            req.end();
          }),
      ),
    );
    agent.destroy();
    assert.equal(statuses.filter((status) => status === 200).length, 200);
    assert.equal(fixture.sandbox.tokenRequestCount(email) - before, 1);
  });
});

describe('clear failures as HTTP, never a token', () => {
  test('vault locked: 503', async () => {
    const { key } = await fixture.addAccount('Locked Ltd');
    fixture.lifecycleOpen = false;
    const answer = await send(fixture.port, `/${key}/app/Customers/Folder/A`);
    assert.equal(answer.status, 503);
    assert.match(answer.text, /locked: unlock it/u);
  });

  test('grant revoked: 502 naming the account and what to do', async () => {
    const { key, email } = await fixture.addAccount('Revoked Grant Ltd');
    fixture.sandbox.revokeGrant(email);
    const answer = await send(fixture.port, `/${key}/app/Customers/Folder/A`);
    assert.equal(answer.status, 502);
    assert.match(answer.text, /"Revoked Grant Ltd"/u);
    assert.match(answer.text, /new exchange token/u);
    assert.match(String(answer.headers['content-type']), /^text\/plain/u);
    // Later requests are answered at once from the account's state.
    const before = fixture.sandbox.tokenRequestCount(email);
    assert.equal((await send(fixture.port, `/${key}/app/Customers/Folder/A`)).status, 502);
    assert.equal(fixture.sandbox.tokenRequestCount(email), before);
  });

  test('Winbooks unreachable when forwarding: 504', async () => {
    const other = await WinbooksSandbox.start();
    const grant = other.addGrant({ email: 'far@example.be' });
    const account = await fixture.lifecycle.add({ label: 'Far Away', email: grant.email, host: other.baseUrl, exchangeToken: grant.exchangeToken });
    const key = await fixture.keys.issue(account.id);
    await other.stop();
    const answer = await send(fixture.port, `/${key}/app/Customers/Folder/A`);
    assert.equal(answer.status, 504);
    assert.match(answer.text, /could not be reached at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/u);
  });

  test('Winbooks unreachable while renewing the token: 504 naming the account', async () => {
    const { key, email } = await fixture.addAccount('Outage Ltd', { lifetimeSeconds: 20 });
    fixture.sandbox.injectFault('reset', { email });
    const answer = await send(fixture.port, `/${key}/app/Customers/Folder/A`);
    assert.equal(answer.status, 504);
    assert.match(answer.text, /"Outage Ltd"/u);
  });

  test('a keep-alive connection Winbooks dropped (reset on reuse) is retried once on a new connection', async () => {
    // A Winbooks stand-in that resets every connection on its second request, as a server closing idle keep-alive
    // connections does when the gateway reuses one at that moment.
    const requestsOn = new Map<Socket, number>();
    const winbooks = createServer((req, res) => {
      const count = (requestsOn.get(req.socket) ?? 0) + 1;
      requestsOn.set(req.socket, count);
      req.resume();
      if (req.url?.startsWith('/OAuth20/Token') === true) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'gAAAAABstand-in', token_type: 'bearer', expires_in: '900', refresh_token: 'TGe0!IAAAAstand-in' }));
      } else if (count >= 2) {
        req.socket.resetAndDestroy();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('[]');
      }
    });
    await new Promise<void>((resolve) => winbooks.listen(0, '127.0.0.1', resolve));
    try {
      const host = `http://127.0.0.1:${(winbooks.address() as { port: number }).port}`;
      const account = await fixture.lifecycle.add({ label: 'Reset Ltd', email: 'reset@example.be', host, exchangeToken: 'WbXstand-in-exchange' });
      const key = await fixture.keys.issue(account.id);
      for (let round = 0; round < 3; round += 1) {
        const answer = await send(fixture.port, `/${key}/app/Customers/Folder/A`);
        assert.equal(answer.status, 200, `round ${round}: ${answer.text}`);
      }
    } finally {
      winbooks.closeAllConnections();
      winbooks.close();
    }
  });

  test('Winbooks silent: 504 after the idle timeout', async () => {
    await fixture.stop();
    fixture = await GatewayFixture.start({ upstreamTimeoutMs: 300 });
    const { key } = await fixture.addAccount('Slow Ltd');
    const answer = await send(fixture.port, `/${key}/app/Echo/x?delayMs=5000`);
    assert.equal(answer.status, 504);
    assert.match(answer.text, /no answer within/u);
  });

  test('no answer body, header or log line holds a token', async () => {
    const { key, email } = await fixture.addAccount('Leak Check');
    const bodies: string[] = [];
    const answers = [await send(fixture.port, `/${key}/app/Echo/x`)];
    fixture.sandboxAheadMs = 901_000;
    answers.push(await send(fixture.port, `/${key}/app/Echo/x`));
    fixture.sandbox.revokeGrant(email);
    answers.push(await send(fixture.port, `/${key}/app/Echo/x`));
    for (const answer of answers) bodies.push(answer.text, JSON.stringify(answer.headers));
    const everything = bodies.join('\n') + fixture.logger.lines.join('\n') + JSON.stringify(fixture.audit.entries());
    for (const secret of fixture.sandbox.issuedSecrets()) assert.ok(!everything.includes(secret));
  });
});
