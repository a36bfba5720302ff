import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { PASSPHRASE, openTestVault, openWithPassphrase, tempDirectory } from './support';

interface Seen {
  method: string;
  url: string;
  body: string;
}

/** Any server at all, recording every request that reaches it: the "new host" someone wrote into the file. */
async function recordingServer(): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/**
 * Changes an account's host the way an editor would: in the file's text, on the lines that hold that account
 * (format 1 keeps one account per line as well, so this runs unchanged against the version-1 vault).
 */
async function editHostInFile(path: string, accountId: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const edited = text
    .split('\n')
    .map((line) => (line.includes(`"id":"${accountId}"`) ? line.replaceAll(`"host":"${from}"`, `"host":"${to}"`) : line))
    .join('\n');
  assert.notEqual(edited, text, 'the host was found in the file');
  await writeFile(path, edited);
}

describe('a host edited in the vault file while the app was closed', () => {
  let sandbox: WinbooksSandbox;
  let attacker: Awaited<ReturnType<typeof recordingServer>>;
  let dir: { path: string; remove(): Promise<void> };

  before(async () => {
    sandbox = await WinbooksSandbox.start();
    attacker = await recordingServer();
    dir = await tempDirectory();
  });
  after(async () => {
    await sandbox.stop();
    await new Promise((resolve) => attacker.server.close(resolve));
    await dir.remove();
  });

  it('gets no token: after unlock no request with its tokens reaches any server, it is flagged, the others keep refreshing', async () => {
    const client = createWinbooksTokenClient({ timeoutMs: 5_000 });
    const vault = await openWithPassphrase(dir.path);
    const lifecycle = new TokenLifecycle({ client, storage: vault.storage });
    await lifecycle.start();
    const victimGrant = sandbox.addGrant({ email: 'victim@example.com' });
    const otherGrant = sandbox.addGrant({ email: 'other@example.com' });
    const victim = await lifecycle.add({ label: 'Victim', email: victimGrant.email, host: sandbox.baseUrl, exchangeToken: victimGrant.exchangeToken });
    const other = await lifecycle.add({ label: 'Other', email: otherGrant.email, host: sandbox.baseUrl, exchangeToken: otherGrant.exchangeToken });
    await lifecycle.refresh(victim.id); // the victim now holds a refresh token too
    lifecycle.stop();
    await vault.close();

    await editHostInFile(vault.path, victim.id, sandbox.baseUrl, attacker.url);
    const victimRequestsBefore = sandbox.tokenRequestCount(victimGrant.email);

    const reopened = await openTestVault(dir.path);
    await reopened.unlock(PASSPHRASE);
    const after = new TokenLifecycle({ client, storage: reopened.storage });
    await after.start();
    // Every way the app could contact the account: a scheduled refresh, a manual one, a token asked for by a script.
    await after.refresh(victim.id).catch(() => undefined);
    await after.refreshAll();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(attacker.seen, [], 'nothing reached the host written into the file');
    await assert.rejects(after.getFreshAccessToken(victim.id, 60), { code: 'secrets-unreadable' });
    assert.deepEqual(attacker.seen, [], 'nor when a token is asked for');
    assert.equal(sandbox.tokenRequestCount(victimGrant.email), victimRequestsBefore, 'nor the original host');
    const summaries = after.list();
    assert.equal(summaries.find((summary) => summary.id === victim.id)?.status, 'secrets-unreadable', 'flagged');
    const otherRefreshed = await after.refresh(other.id);
    assert.equal(otherRefreshed.status, 'ready', 'the other account keeps working');
    after.stop();
    await reopened.close();
  });
});
