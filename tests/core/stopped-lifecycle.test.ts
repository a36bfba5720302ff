import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../electron/core/common/app-error';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import type { TokenOutcome } from '../../electron/core/winbooks/token-types';
import { lifecycleFixture } from '../support/lifecycle-fixture';
import { deferred } from '../support/scripted-client';

const closed = (error: unknown): boolean => error instanceof AppError && error.code === 'vault-locked';

/**
 * After a lock, a backup import or quit, the session starts a new lifecycle on the same accounts. A caller that
 * still holds the old one (a gateway request, a CLI refresh-all under way) must not send a refresh token the new
 * one may already have rotated, nor hand out tokens the lock was meant to drop.
 */
describe('a retired lifecycle', () => {
  it('sends no token request and hands out no token once drained', async () => {
    const { lifecycle, client, addAccount } = await lifecycleFixture();
    const account = await addAccount('ACME');
    await lifecycle.drain();
    const sent = client.count();

    await assert.rejects(lifecycle.refresh(account.id), closed);
    await assert.rejects(lifecycle.getFreshAccessToken(account.id, 0), closed);
    const report = await lifecycle.refreshAll();
    assert.equal(report.refreshed, 0);
    assert.deepEqual(report.failed.map((failure) => failure.code), ['vault-locked']);
    assert.equal(client.count(), sent, 'nothing was sent after the stop');
    assert.deepEqual(client.replayedRefreshTokens(), []);
  });

  it('stop() alone only stops the timers: on-demand requests still work, and start() resumes', async () => {
    const { lifecycle, client, addAccount } = await lifecycleFixture();
    const account = await addAccount('ACME');
    lifecycle.stop();
    await lifecycle.refresh(account.id);
    assert.equal(client.count('refresh'), 1);
    lifecycle.retire();
    await lifecycle.start();
    await lifecycle.refresh(account.id);
    assert.equal(client.count('refresh'), 2);
  });

  it('retired while the refresh mark is being written: sends nothing, and the refresh token stays usable', async () => {
    const markWrite: { armed: boolean; reached?: () => void; finish?: () => void } = { armed: false };
    const reached = new Promise<void>((resolve) => (markWrite.reached = resolve));
    const storage = new InMemoryAccountStorage(() => {
      if (!markWrite.armed) return Promise.resolve();
      markWrite.armed = false;
      markWrite.reached?.();
      return new Promise<void>((resolve) => (markWrite.finish = resolve));
    });
    const { lifecycle, client, addAccount } = await lifecycleFixture({ storage });
    const account = await addAccount('ACME');
    const sent = client.count();

    markWrite.armed = true;
    const refreshing = lifecycle.refresh(account.id);
    await reached;
    // A lock or quit lands while the mark is on its way to disk (it waits up to the vault's write interval).
    lifecycle.retire();
    markWrite.finish?.();
    await assert.rejects(refreshing, closed);
    assert.equal(client.count(), sent, 'no refresh token left after the retirement');
    const [stored] = await storage.loadRecords();
    assert.equal(stored?.refreshSentAt, null, 'the mark is taken back: the next lifecycle refreshes instead of exchanging');
  });

  it('retired while a refresh waits for a request slot: that refresh is never sent, the one under way finishes', async () => {
    const { lifecycle, client, storage, addAccount } = await lifecycleFixture({ maxConcurrentRequests: 1 });
    const first = await addAccount('ACME');
    const second = await addAccount('Globex');
    const answer = deferred<TokenOutcome>();
    client.respond = (call) => (call.grant === 'refresh' && call.request.email === first.email ? answer.promise : undefined);
    const refreshes = client.count('refresh');

    const firstRefresh = lifecycle.refresh(first.id);
    const secondRefresh = lifecycle.refresh(second.id);
    while (client.count('refresh') === refreshes) await new Promise((resolve) => setImmediate(resolve));
    lifecycle.retire();
    answer.resolve(client.success('whatever'));
    await firstRefresh;
    await assert.rejects(secondRefresh, closed);
    assert.deepEqual(
      client.calls.slice(-1).map((call) => call.request.email),
      [first.email],
      'only the request already under way went out',
    );
    const stored = (await storage.loadRecords()).find((record) => record.id === second.id);
    assert.equal(stored?.refreshSentAt, null, "the queued account's mark is taken back");
    assert.deepEqual(client.replayedRefreshTokens(), []);
  });
});

