import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConcurrencyLimiter } from '../../electron/core/tokens/concurrency-limiter';
import { deferred } from '../support/scripted-client';
import { settle } from '../support/manual-clock';

describe('ConcurrencyLimiter', () => {
  it('runs at most `limit` tasks at once and starts the others in arrival order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const gates = [0, 1, 2, 3].map(() => deferred<void>());
    const started: number[] = [];
    const done = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await settle();
    assert.deepEqual(started, [0, 1]);
    gates[1]?.resolve();
    await settle();
    assert.deepEqual(started, [0, 1, 2]);
    gates[0]?.resolve();
    gates[2]?.resolve();
    gates[3]?.resolve();
    assert.deepEqual(await Promise.all(done), [0, 1, 2, 3]);
    assert.equal(limiter.running, 0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await assert.rejects(limiter.run(() => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await limiter.run(() => Promise.resolve('next')), 'next');
  });

  it('refuses a limit below 1', () => {
    assert.throws(() => new ConcurrencyLimiter(0), /at least|>= 1/);
  });
});
