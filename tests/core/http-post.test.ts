import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { AnswerTooLargeError, MAX_ANSWER_BYTES, NotSentError, RequestTimeoutError, createNodeHttpPost } from '../../electron/core/winbooks/http-post';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';

let server: Server;
let base = '';
const post = createNodeHttpPost();
const request = { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&code=x', timeoutMs: 2_000 };

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/echo') {
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ body, length: req.headers['content-length'] }));
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('x'.repeat(MAX_ANSWER_BYTES + 10));
      } else if (req.url === '/cut') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('{"access_token":');
        setTimeout(() => res.socket?.destroy(), 20);
      } else if (req.url === '/redirect') {
        res.writeHead(302, { Location: '/echo' });
        res.end();
      }
      // /hang: never answers
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('node:http POST transport', () => {
  it('sends the body with its length and returns status, content type and body', async () => {
    const answer = await post(`${base}/echo`, request);
    assert.equal(answer.status, 201);
    assert.equal(answer.contentType, 'application/json');
    assert.deepEqual(JSON.parse(answer.body), { body: request.body, length: String(request.body.length) });
  });

  it('returns a redirect as an answer instead of following it', async () => {
    const answer = await post(`${base}/redirect`, request);
    assert.equal(answer.status, 302);
  });

  it('gives up on an answer that never comes', async () => {
    await assert.rejects(post(`${base}/hang`, { ...request, timeoutMs: 200 }), RequestTimeoutError);
  });

  it('refuses an answer too large to be a token answer', async () => {
    await assert.rejects(post(`${base}/huge`, request), AnswerTooLargeError);
  });

  it('reports a connection cut in the middle of the answer as a reset', async () => {
    await assert.rejects(post(`${base}/cut`, request), (error: unknown) => (error as { code?: string }).code === 'ECONNRESET');
  });

  it('tells a request that certainly never left (no connection) from one that may have arrived', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(post(`http://127.0.0.1:${closedPort}/x`, request), (error: unknown) => error instanceof NotSentError);
    await assert.rejects(post(`${base}/cut`, request), (error: unknown) => !(error instanceof NotSentError));
    await assert.rejects(post(`${base}/hang`, { ...request, timeoutMs: 200 }), (error: unknown) => error instanceof RequestTimeoutError);

    const client = createWinbooksTokenClient({ timeoutMs: 200 });
    const refused = await client.refresh({ host: `http://127.0.0.1:${closedPort}`, email: 'a@example.be', refreshToken: 'TGe0!IAAAAx' });
    assert.deepEqual([refused.kind, refused.kind === 'transient' && refused.mayHaveArrived], ['transient', false]);
    const hung = await client.refresh({ host: `${base}/hang`.replace('/hang', ''), email: 'a@example.be', refreshToken: 'TGe0!IAAAAx' });
    assert.equal(hung.kind === 'transient' && hung.mayHaveArrived, true, 'a request the server took and never answered may have been acted on');
  });
});
