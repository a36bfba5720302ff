import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { GatewayFixture, send } from './gateway-fixture';

let fixture: GatewayFixture;
let key: string;

before(async () => {
  fixture = await GatewayFixture.start();
  ({ key } = await fixture.addAccount('Acme Bakery'));
});

after(async () => {
  await fixture.stop();
});

function tokenRequests(): number {
  return fixture.sandbox.tokenRequestCount();
}

describe('the key is the only credential', () => {
  test('an unknown, truncated or altered key is a plain 404, with no token request', async () => {
    const before = tokenRequests();
    const altered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const candidate of ['x'.repeat(43), key.slice(0, 42), altered, `${key}x`, '', 'app']) {
      const answer = await send(fixture.port, `/${candidate}/app/Customers/Folder/A`);
      assert.equal(answer.status, 404, candidate);
      assert.equal(answer.text, 'Not found.\n');
    }
    assert.equal(tokenRequests(), before);
  });

  test('a revoked key stops working at once; a rotated key replaces the old one', async () => {
    const { account, key: own } = await fixture.addAccount('Revoked Ltd');
    assert.equal((await send(fixture.port, `/${own}/app/Customers/Folder/A`)).status, 200);
    const rotated = await fixture.keys.issue(account.id);
    assert.equal((await send(fixture.port, `/${own}/app/Customers/Folder/A`)).status, 404, 'the old key after rotation');
    assert.equal((await send(fixture.port, `/${rotated}/app/Customers/Folder/A`)).status, 200);
    await fixture.keys.revoke(account.id);
    assert.equal((await send(fixture.port, `/${rotated}/app/Customers/Folder/A`)).status, 404, 'after revocation');
  });

  test('a removed account’s key is a 404', async () => {
    const { account, key: own } = await fixture.addAccount('Gone Soon');
    await fixture.lifecycle.remove(account.id);
    assert.equal((await send(fixture.port, `/${own}/app/Customers/Folder/A`)).status, 404);
  });
});

describe('browser attacks are refused', () => {
  test('DNS rebinding: any Host but the loopback address and port is 403, before the key is looked at', async () => {
    const before = tokenRequests();
    for (const host of [`evil.example:${fixture.port}`, 'evil.example', `127.0.0.1:${fixture.port + 1}`, '127.0.0.1', `127.0.0.2:${fixture.port}`, `localhost.evil.example:${fixture.port}`]) {
      const answer = await send(fixture.port, `/${key}/app/Customers/Folder/A`, { host });
      assert.equal(answer.status, 403, host);
      assert.equal(answer.json, null, 'no data in the refusal');
    }
    assert.equal(tokenRequests(), before);
  });

  test('a request carrying Origin (any, even null) is 403', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${fixture.port}`]) {
      const answer = await send(fixture.port, `/${key}/app/Customers/Folder/A`, { headers: { Origin: origin } });
      assert.equal(answer.status, 403, origin);
      for (const name of Object.keys(answer.headers)) assert.ok(!name.startsWith('access-control-'), name);
    }
  });

  test('Sec-Fetch-Site cross-site, same-site or same-origin is 403; none (a typed URL) passes', async () => {
    for (const site of ['cross-site', 'same-site', 'same-origin']) {
      assert.equal((await send(fixture.port, `/${key}/app/Customers/Folder/A`, { headers: { 'Sec-Fetch-Site': site } })).status, 403, site);
    }
    assert.equal((await send(fixture.port, `/${key}/app/Customers/Folder/A`, { headers: { 'Sec-Fetch-Site': 'none' } })).status, 200);
  });

  test('a CORS preflight gets no CORS header', async () => {
    const answer = await send(fixture.port, `/${key}/app/Customers/Folder/A`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Private-Network': 'true' },
    });
    assert.equal(answer.status, 403);
    for (const name of Object.keys(answer.headers)) assert.ok(!name.startsWith('access-control-'), name);
  });
});

describe('the token goes only to the account host, under /app', () => {
  test('dot segments in any spelling are refused with 400 and no token request', async () => {
    const before = tokenRequests();
    for (const path of ['/app/../OAuth20/Token', '/app/%2e%2e/OAuth20/Token', '/app/..%2fOAuth20/Token', '/app/.%2E/x', '/app/./x', '/app\\..\\x']) {
      const answer = await send(fixture.port, `/${key}${path}`);
      assert.equal(answer.status, 400, path);
    }
    assert.equal((await send(fixture.port, `/${key}/OAuth20/Token`, { method: 'POST', body: 'grant_type=x' })).status, 400, 'outside /app');
    assert.equal(tokenRequests(), before);
  });

  test('an absolute-form request target (proxy style) never reaches another host', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(fixture.port, '127.0.0.1', () => {
        socket.end(`GET http://evil.example/${key}/app/x HTTP/1.1\r\nHost: 127.0.0.1:${fixture.port}\r\nConnection: close\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 404/u);
  });

  test('a fragment in the request target is refused with 400, never passed on', async () => {
    const before = tokenRequests();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(fixture.port, '127.0.0.1', () => {
        socket.end(`GET /${key}/app/Customers/Folder/X#section HTTP/1.1\r\nHost: 127.0.0.1:${fixture.port}\r\nConnection: close\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 400/u);
    assert.equal(tokenRequests(), before);
  });
});
