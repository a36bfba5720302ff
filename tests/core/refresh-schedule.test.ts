import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelayMs, drawJitterMs, refreshDueAt, refreshLeadMs } from '../../electron/core/tokens/refresh-schedule';

describe('refresh lead', () => {
  it('is 10% of the lifetime within [30 s, 5 min]', () => {
    assert.equal(refreshLeadMs(900_000, null), 90_000);
    assert.equal(refreshLeadMs(86_400_000, null), 300_000);
    assert.equal(refreshLeadMs(120_000, null), 30_000);
  });

  it('never exceeds half the lifetime, so a short-lived token is not refreshed again on arrival', () => {
    assert.equal(refreshLeadMs(20_000, null), 10_000);
    assert.equal(refreshLeadMs(900_000, 3600), 450_000);
  });

  it('uses a fixed lead when the user set one', () => {
    assert.equal(refreshLeadMs(86_400_000, 600), 600_000);
  });

  it('puts the refresh at expiry minus lead minus jitter', () => {
    assert.equal(refreshDueAt(0, 900_000, null, 0), 810_000);
    assert.equal(refreshDueAt(0, 900_000, null, 5_000), 805_000);
  });
});

describe('jitter', () => {
  it('stays within 10% of the lead', () => {
    assert.equal(drawJitterMs(90_000, () => 0), 0);
    assert.ok(drawJitterMs(90_000, () => 0.999_999) <= 9_000, 'expected: drawJitterMs(90_000, () => 0.999_999) <= 9_000');
    for (let i = 0; i < 1000; i += 1) {
      const jitter = drawJitterMs(300_000, Math.random);
      assert.ok(jitter >= 0 && jitter <= 30_000, `jitter ${jitter} out of bounds`);
    }
  });
});

describe('backoff', () => {
  it('doubles from 5 s to a 5 min cap, jittered down by at most 20%', () => {
    const top = [1, 2, 3, 4, 5, 6, 7, 8, 12].map((attempt) => backoffDelayMs(attempt, () => 1));
    assert.deepEqual(top, [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    assert.equal(backoffDelayMs(1, () => 0), 4_000);
    assert.equal(backoffDelayMs(9, () => 0), 240_000);
  });
});
