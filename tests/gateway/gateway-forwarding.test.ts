import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { GatewayFixture, send } from './gateway-fixture';
import type { Echo } from './gateway-fixture';

let fixture: GatewayFixture;
let key: string;

before(async () => {
  fixture = await GatewayFixture.start();
  ({ key } = await fixture.addAccount('Acme Bakery'));
});

after(async () => {
  await fixture.stop();
});

describe('the gateway forwards to the account host with a fresh bearer token', () => {
  test('a JSON list comes back as Winbooks sent it', async () => {
    const answer = await send(fixture.port, `/${key}/app/Customers/Folder/ACME?limit=3`);
    assert.equal(answer.status, 200, answer.text);
    assert.match(String(answer.headers['content-type']), /application\/json/u);
    const customers = answer.json as { Code: string }[];
    assert.deepEqual(
      customers.map((customer) => customer.Code),
      ['C0001', 'C0002', 'C0003'],
    );
  });

  for (const method of ['GET', 'HEAD', 'DELETE', 'OPTIONS']) {
    test(`${method} without a body: method, path and query string pass through`, async () => {
      const answer = await send(fixture.port, `/${key}/app/Echo/Folder/ACME/Item%20One?a=1&b=two%20words&a=3`, { method });
      assert.equal(answer.status, 200);
      if (method === 'HEAD') {
        assert.equal(answer.text, '');
        return;
      }
      const echo = answer.json as Echo;
      assert.equal(echo.method, method);
      assert.equal(echo.path, '/app/Echo/Folder/ACME/Item%20One');
      assert.deepEqual(echo.query, { a: '3', b: 'two words' });
      assert.equal(echo.bodyBytes, 0);
    });
  }

  for (const method of ['POST', 'PUT', 'PATCH']) {
    test(`${method} with a body: the body arrives byte for byte`, async () => {
      const body = JSON.stringify({ Code: 'VLADIMIR', Name: 'Vladimir & Co', Note: 'é€😀' });
      const answer = await send(fixture.port, `/${key}/app/Echo/Folder/ACME/ExecuteCriteria`, { method, body, headers: { 'Content-Type': 'application/json' } });
      assert.equal(answer.status, 200, answer.text);
      const echo = answer.json as Echo;
      assert.equal(echo.method, method);
      assert.equal(echo.bodyBytes, Buffer.byteLength(body));
      assert.equal(echo.bodySha256, createHash('sha256').update(body).digest('hex'));
      assert.equal(echo.contentType, 'application/json');
    });
  }

  test('a large body (beyond the replay limit) streams through', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 'x');
    const answer = await send(fixture.port, `/${key}/app/Echo/upload`, { method: 'POST', body });
    assert.equal(answer.status, 200, answer.text);
    assert.equal((answer.json as Echo).bodyBytes, body.length);
    assert.equal((answer.json as Echo).bodySha256, createHash('sha256').update(body).digest('hex'));
  });

  test('status codes pass through (201, 404, 500)', async () => {
    for (const status of [201, 404, 500]) {
      const answer = await send(fixture.port, `/${key}/app/Echo/status?status=${status}`, { method: 'POST', body: '{}' });
      assert.equal(answer.status, status);
    }
  });

  test('the caller’s Authorization header is dropped: the app’s token is used', async () => {
    const answer = await send(fixture.port, `/${key}/app/Echo/x`, { headers: { Authorization: 'Bearer gAAAAABforged-token' } });
    assert.equal(answer.status, 200, 'the forged token would have been refused by the sandbox');
    assert.ok((answer.json as Echo).headerNames.includes('authorization'));
  });

  test('hop-by-hop headers are dropped both ways; end-to-end ones pass', async () => {
    const answer = await send(fixture.port, `/${key}/app/Echo/x?hopHeaders=1`, {
      headers: {
        Connection: 'keep-alive, X-Client-Hop',
        'X-Client-Hop': 'hop',
        'Keep-Alive': 'timeout=5',
        'Proxy-Authorization': 'Basic c2VjcmV0',
        TE: 'trailers',
        ContinuePath: 'page-2',
        Cookie: 'session=1',
      },
    });
    assert.equal(answer.status, 200, answer.text);
    const names = (answer.json as Echo).headerNames;
    for (const dropped of ['x-client-hop', 'keep-alive', 'proxy-authorization', 'te', 'cookie']) {
      assert.ok(!names.includes(dropped), `${dropped} reached Winbooks`);
    }
    assert.ok(names.includes('continuepath'), 'an end-to-end header is kept');
    assert.equal(answer.headers['x-private-hop'], undefined, 'a header named by Connection is dropped');
    assert.equal(answer.headers['proxy-authenticate'], undefined);
    assert.equal(answer.headers['x-end-to-end'], 'kept');
  });

  test('no CORS header ever leaves the gateway, even when Winbooks sends one', async () => {
    const answer = await send(fixture.port, `/${key}/app/Echo/x?hopHeaders=1`);
    for (const name of Object.keys(answer.headers)) assert.ok(!name.startsWith('access-control-'), name);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
  });

  test('answers through ::1 too, and under localhost', async (t) => {
    if (fixture.logger.events().includes('gateway.ipv6-unavailable')) {
      t.skip('no IPv6 loopback on this machine');
      return;
    }
    const viaV6 = await send(fixture.port, `/${key}/app/Customers/Folder/A`, { address: '::1', host: `[::1]:${fixture.port}` });
    assert.equal(viaV6.status, 200);
    const viaName = await send(fixture.port, `/${key}/app/Customers/Folder/A`, { host: `localhost:${fixture.port}` });
    assert.equal(viaName.status, 200);
  });

  test('a burst of requests does not turn into a burst of account changes (window pushes, tray rebuilds)', async () => {
    let changes = 0;
    const unsubscribe = fixture.lifecycle.onChange(() => (changes += 1));
    try {
      for (let index = 0; index < 100; index += 1) assert.equal((await send(fixture.port, `/${key}/app/Customers/Folder/A?limit=1`)).status, 200);
    } finally {
      unsubscribe();
    }
    assert.ok(changes <= 3, `${changes} change events for 100 requests`);
  });

  test('every request is audited: account, method, path without query, status, bytes, duration; never the key', async () => {
    await send(fixture.port, `/${key}/app/Customers/Folder/ACME?limit=2&secret=filter`);
    const entry = fixture.audit.entries().at(-1);
    assert.ok(entry);
    assert.equal(entry.source, 'gateway');
    assert.equal(entry.account, 'Acme Bakery');
    assert.equal(entry.command, 'GET /app/Customers/Folder/ACME');
    assert.equal(entry.outcome, '200');
    assert.ok((entry.bytes ?? 0) > 0);
    assert.equal(typeof entry.durationMs, 'number');
    const everything = JSON.stringify(fixture.audit.entries()) + fixture.logger.lines.join('\n');
    assert.ok(!everything.includes(key), 'the key is in the audit or the log');
    assert.ok(!everything.includes('secret=filter'), 'a query string is in the audit or the log');
    for (const secret of fixture.sandbox.issuedSecrets()) assert.ok(!everything.includes(secret), 'a token is in the audit or the log');
  });
});
