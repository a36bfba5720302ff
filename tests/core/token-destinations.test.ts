import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../electron/core/common/app-error';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { LEGACY_HOST, PRODUCTION_HOST } from '../../electron/shared/host-policy';
import { ManualClock, settle } from '../support/manual-clock';
import { ProvenanceClient } from '../support/provenance-client';
import { deferred, rejected, ScriptedClient, unreachable } from '../support/scripted-client';
import type { Call } from '../support/scripted-client';
import type { TokenOutcome } from '../../electron/core/winbooks/token-types';

/**
 * The lifecycle's destination invariant: a stored secret (exchange, refresh or access token) is never sent to an
 * e-mail and host pair it was not obtained for, through adds, refreshes, failures, moves, replacements and restarts.
 */
describe('tokens go only where they came from', () => {
  it('holds through every operation that can move, renew or recover an account', async () => {
    const clock = new ManualClock();
    const scripted = new ScriptedClient(clock);
    const client = new ProvenanceClient(scripted);
    const storage = new InMemoryAccountStorage();
    const start = async (): Promise<TokenLifecycle> => {
      const lifecycle = new TokenLifecycle({ client, storage, clock, random: () => 0 });
      await lifecycle.start();
      return lifecycle;
    };
    let lifecycle = await start();
    const rejects = async (work: Promise<unknown>, code: string): Promise<void> => {
      await assert.rejects(work, (error: unknown) => error instanceof AppError && error.code === code);
    };

    const a = await lifecycle.add({ label: 'A', email: 'a@example.be', host: LEGACY_HOST, exchangeToken: client.typed('tA', 'a@example.be', LEGACY_HOST) });
    const b = await lifecycle.add({ label: 'B', email: 'b@example.be', host: PRODUCTION_HOST, exchangeToken: client.typed('tB', 'b@example.be', PRODUCTION_HOST) });
    await lifecycle.refresh(a.id);
    await lifecycle.refresh(b.id);

    // A moves to the other base with the exchange token typed for it.
    await lifecycle.update(a.id, { host: PRODUCTION_HOST, exchangeToken: client.typed('tA2', 'a@example.be', PRODUCTION_HOST) });
    await lifecycle.refresh(a.id);
    // B's move to another e-mail: without a typed token it is refused before anything is sent; a refused token changes nothing.
    const before = client.sent;
    await rejects(lifecycle.update(b.id, { email: 'b2@example.be' }), 'invalid-input');
    assert.equal(client.sent, before);
    scripted.respond = (call: Call) => (call.request.email === 'b2@example.be' ? rejected(400, 'invalid_grant') : undefined);
    await rejects(lifecycle.update(b.id, { email: 'b2@example.be', exchangeToken: client.typed('tB2', 'b2@example.be', PRODUCTION_HOST) }), 'grant-rejected');
    scripted.respond = null;
    await lifecycle.refresh(b.id);

    // A refresh whose answer is lost, then the recovery by exchange.
    scripted.respond = () => unreachable('the connection was reset');
    await rejects(lifecycle.refresh(a.id), 'winbooks-unreachable');
    scripted.respond = null;
    await lifecycle.refresh(a.id);

    // A replaced exchange token, a refused refresh recovered by exchanging.
    await lifecycle.replaceExchangeToken(a.id, client.typed('tA3', 'a@example.be', PRODUCTION_HOST));
    scripted.respond = (call: Call) => (call.grant === 'refresh' ? rejected(400, 'invalid_grant') : undefined);
    await lifecycle.refresh(a.id);
    scripted.respond = null;

    // A move asked for while a refresh is under way waits for it; nothing of the old pair goes to the new one.
    const held = deferred<TokenOutcome>();
    scripted.respond = (call: Call) => (call.grant === 'refresh' ? held.promise : undefined);
    const refreshing = lifecycle.refresh(a.id);
    await settle();
    const moving = lifecycle.update(a.id, { host: LEGACY_HOST, exchangeToken: client.typed('tA4', 'a@example.be', LEGACY_HOST) });
    await settle();
    held.resolve(scripted.success());
    scripted.respond = null;
    await refreshing.catch(() => undefined);
    await moving;
    await lifecycle.refresh(a.id);

    // A restart reads every secret back from storage; the destination rule still holds.
    lifecycle.stop();
    lifecycle = await start();
    await lifecycle.refresh(a.id);
    await lifecycle.refresh(b.id);
    await clock.advance(2 * 60 * 60_000);
    lifecycle.stop();

    assert.ok(client.sent > 15, `the sequence sent ${client.sent} requests`);
    assert.deepEqual(client.violations, []);
    assert.deepEqual(scripted.replayedRefreshTokens(), [], 'and no refresh token went out twice');
  });

  it('refuses an address outside the host policy before anything is sent, and uses it once allowed', async () => {
    const clock = new ManualClock();
    const client = new ScriptedClient(clock);
    const lifecycle = new TokenLifecycle({ client, storage: new InMemoryAccountStorage(), clock, random: () => 0 });
    await lifecycle.start();
    const other = { label: 'Other', email: 'o@example.be', host: 'https://api.example.com', exchangeToken: 'tO' };
    await assert.rejects(lifecycle.add(other), (error: unknown) => error instanceof AppError && error.code === 'host-not-allowed' && error.field === 'host');
    assert.equal(client.count(), 0);
    lifecycle.configure({ allowOtherHosts: true });
    const added = await lifecycle.add(other);
    assert.equal(client.count('exchange'), 1);
    // Turned off again: the account is kept, but nothing more goes to that address.
    lifecycle.configure({ allowOtherHosts: false });
    await assert.rejects(lifecycle.refresh(added.id), (error: unknown) => error instanceof AppError && error.code === 'host-not-allowed');
    assert.equal(client.count(), 1);
    lifecycle.stop();
  });

  it('never contacts an address edited into storage that the policy refuses (a vault changed on disk)', async () => {
    const clock = new ManualClock();
    const client = new ScriptedClient(clock);
    const storage = new InMemoryAccountStorage();
    const first = new TokenLifecycle({ client, storage, clock, random: () => 0 });
    await first.start();
    const account = await first.add({ label: 'A', email: 'a@example.be', host: LEGACY_HOST, exchangeToken: 'tA' });
    first.stop();
    const record = storage.peek(account.id).record;
    assert.ok(record);
    await storage.save({ ...record, host: 'https://attacker.example' });
    const second = new TokenLifecycle({ client, storage, clock, random: () => 0 });
    await second.start();
    const sent = client.count();
    await clock.advance(60 * 60_000);
    await assert.rejects(second.getFreshAccessToken(account.id, 60_000), (error: unknown) => error instanceof AppError && error.code === 'host-not-allowed');
    assert.equal(client.count(), sent, 'no request at all');
    second.stop();
  });
});
