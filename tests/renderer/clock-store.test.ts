import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClockStore } from '../../renderer/state/clock-store';

/** A controllable clock and interval: the test decides when time passes. */
function fakeTimers() {
  let now = 10_000;
  const intervals = new Map<number, () => void>();
  let nextHandle = 1;
  return {
    deps: {
      now: () => now,
      setInterval: (fn: () => void) => {
        const handle = nextHandle++;
        intervals.set(handle, fn);
        return handle;
      },
      clearInterval: (handle: unknown) => {
        intervals.delete(handle as number);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const fn of [...intervals.values()]) fn();
    },
    active: () => intervals.size,
  };
}

describe('clock store (the page ticker)', () => {
  it('runs one timer however many countdowns subscribe, and none when nobody listens', () => {
    const timers = fakeTimers();
    const clock = createClockStore(timers.deps);
    const unsubscribes = Array.from({ length: 500 }, () => clock.subscribe(() => undefined));
    assert.equal(timers.active(), 1);
    for (const unsubscribe of unsubscribes) unsubscribe();
    assert.equal(timers.active(), 0);
  });

  it('notifies once per second boundary, not on every poll', () => {
    const timers = fakeTimers();
    const clock = createClockStore(timers.deps);
    let ticks = 0;
    clock.subscribe(() => (ticks += 1));
    timers.advance(250);
    timers.advance(250);
    assert.equal(ticks, 0);
    timers.advance(600);
    assert.equal(ticks, 1);
    assert.equal(clock.getSnapshot(), 11_000);
  });
});
