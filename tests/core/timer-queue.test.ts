import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TimerQueue } from '../../electron/core/tokens/timer-queue';
import { ManualClock, settle } from '../support/manual-clock';

describe('TimerQueue', () => {
  it('fires every timer at its time, in order, on one clock timer', async () => {
    const clock = new ManualClock();
    const queue = new TimerQueue(clock);
    const fired: string[] = [];
    const delays = [500, 100, 300, 100, 0, 900, 200];
    delays.forEach((delay, index) => queue.schedule(delay, () => fired.push(`${delay}#${index}`)));
    await settle();
    assert.equal(clock.pendingTimers(), 1, 'one clock timer for all of them');
    await clock.advance(299);
    assert.deepEqual(fired, ['0#4', '100#1', '100#3', '200#6']);
    await clock.advance(1000);
    assert.deepEqual(fired.slice(4), ['300#2', '500#0', '900#5']);
    assert.equal(clock.pendingTimers(), 0);
  });

  it('skips cancelled timers and re-arms for an earlier one scheduled later', async () => {
    const clock = new ManualClock();
    const queue = new TimerQueue(clock);
    const fired: number[] = [];
    const late = queue.schedule(1000, () => fired.push(1000));
    await settle();
    queue.schedule(50, () => fired.push(50));
    const cancelled = queue.schedule(60, () => fired.push(60));
    cancelled.cancel();
    await settle();
    await clock.advance(100);
    assert.deepEqual(fired, [50]);
    late.cancel();
    await clock.advance(2000);
    assert.deepEqual(fired, [50]);
    assert.equal(queue.size, 0);
  });

  it('keeps 10,000 timers in order', async () => {
    const clock = new ManualClock();
    const queue = new TimerQueue(clock);
    const fired: number[] = [];
    const delays = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    for (const delay of delays) queue.schedule(delay, () => fired.push(delay));
    await settle();
    await clock.advance(20_000);
    assert.equal(fired.length, delays.length);
    assert.deepEqual(fired, [...delays].sort((a, b) => a - b));
  });

  it('clear cancels everything', async () => {
    const clock = new ManualClock();
    const queue = new TimerQueue(clock);
    let fired = 0;
    queue.schedule(10, () => (fired += 1));
    await settle();
    queue.clear();
    await clock.advance(100);
    assert.equal(fired, 0);
    assert.equal(clock.pendingTimers(), 0);
  });
});

describe('timer queue housekeeping', () => {
  it('sweeps cancelled timers out in bulk, keeping the live ones in order', async () => {
    const clock = new ManualClock();
    const queue = new TimerQueue(clock);
    const fired: number[] = [];
    const handles = Array.from({ length: 1000 }, (_, index) => queue.schedule(60_000 + index, () => fired.push(index)));
    for (const [index, handle] of handles.entries()) if (index % 10 !== 0) handle.cancel();
    assert.equal(queue.size, 100);
    await clock.advance(70_000);
    assert.deepEqual(fired, Array.from({ length: 100 }, (_, index) => index * 10));
  });
});
