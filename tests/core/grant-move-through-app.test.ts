import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { AppSession } from '../../electron/core/app/app-session';
import { invokeOperation } from '../../electron/core/app/invoke-operation';
import { MemoryVault } from '../../electron/core/app/memory-vault';
import type { AppApi } from '../../electron/shared/ipc-contract';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import { startAppThroughMain } from '../support/app-services-fixture';

/**
 * Issue 10, finding 2, through the operation path ipcMain runs: moving an account to another host (say a phishing
 * mail's "the API moved") must not POST the stored exchange token there. A second local server plays the new host
 * and records every request it receives.
 */
describe('updateAccount to a new host, through invokeOperation', () => {
  let sandbox: WinbooksSandbox;
  let session: AppSession;
  let api: AppApi;
  let elsewhere: Server;
  let elsewhereUrl = '';
  const received: string[] = [];

  before(async () => {
    sandbox = await WinbooksSandbox.start();
    elsewhere = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(`${req.headers.authorization ?? ''} ${body}`);
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end('{"error":"invalid_grant"}');
      });
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
    ({ session, api } = await startAppThroughMain({ vault: new MemoryVault(), tokenTimeoutMs: 5_000, demo: true }));
  });

  after(async () => {
    await session.shutdown();
    await sandbox.stop();
    elsewhere.closeAllConnections();
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  test('sends no stored token to the new host; only an exchange token typed for it may go there', async () => {
    const grant = sandbox.addGrant({ email: 'acme@example.be' });
    const added = await invokeOperation(api, 'addAccount', { label: 'ACME', email: grant.email, host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
    assert.ok(added.ok, JSON.stringify(added));
    const id = added.value.account.id;

    const moved = await invokeOperation(api, 'updateAccount', { id, patch: { host: elsewhereUrl } });
    assert.equal(received.filter((request) => request.includes(grant.exchangeToken)).length, 0, 'the stored exchange token was not sent to the new host');
    assert.equal(received.length, 0, 'nothing at all reached the new host');
    assert.equal(moved.ok ? null : moved.error.field, 'patch.exchangeToken', 'refused on the exchange-token field');

    const typed = await invokeOperation(api, 'updateAccount', { id, patch: { host: elsewhereUrl, exchangeToken: 'WbXtyped-for-the-new-host' } });
    assert.equal(typed.ok ? null : typed.error.code, 'grant-rejected');
    assert.equal(received.length, 1, 'one exchange with the typed token');
    assert.match(received[0] ?? '', /code=WbXtyped-for-the-new-host/u);
    for (const request of received) assert.ok(!request.includes(grant.exchangeToken), 'the stored exchange token never left for the new host');

    const listed = await invokeOperation(api, 'listAccounts', undefined);
    assert.equal(listed.ok ? listed.value.accounts[0]?.host : null, sandbox.v2BaseUrl, 'a refused move changes nothing');
  });

  test('an e-mail change without the exchange token typed again sends nothing for the new e-mail', async () => {
    const grant = sandbox.addGrant({ email: 'bakery@example.be' });
    const added = await invokeOperation(api, 'addAccount', { label: 'Bakery', email: grant.email, host: sandbox.baseUrl, exchangeToken: grant.exchangeToken });
    assert.ok(added.ok);
    sandbox.addGrant({ email: 'other@example.be' });
    const moved = await invokeOperation(api, 'updateAccount', { id: added.value.account.id, patch: { email: 'other@example.be' } });
    assert.equal(moved.ok ? null : moved.error.field, 'patch.exchangeToken');
    assert.equal(sandbox.tokenRequestCount('other@example.be'), 0);
  });

  test('a second account on the same grant is refused, naming the first', async () => {
    const grant = sandbox.addGrant({ email: 'dupont@example.be' });
    const first = await invokeOperation(api, 'addAccount', { label: 'Dupont', email: grant.email, host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
    assert.ok(first.ok);
    const requests = sandbox.tokenRequestCount(grant.email);
    const second = await invokeOperation(api, 'addAccount', { label: 'Dupont again', email: ' DUPONT@example.be ', host: `${sandbox.v2BaseUrl}/`, exchangeToken: grant.exchangeToken });
    assert.equal(second.ok, false);
    assert.deepEqual(second.ok ? null : { code: second.error.code, field: second.error.field, params: second.error.params }, {
      code: 'duplicate-account',
      field: 'email',
      params: { label: 'Dupont' },
    });
    assert.equal(sandbox.tokenRequestCount(grant.email), requests, 'refused before contacting Winbooks');
  });
});
