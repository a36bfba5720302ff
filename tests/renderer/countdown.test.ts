import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countdownParts, lifetimeLeft } from '../../renderer/format/countdown';
import { durationParts, relativeParts } from '../../renderer/format/intl-format';
import { createTimeFormatters } from '../../renderer/format/intl-format';

describe('countdownParts', () => {
  const now = 1_700_000_000_000;
  it('shows mm:ss below an hour, rounding partial seconds up', () => {
    assert.equal(countdownParts(now + 14 * 60_000 + 5_000, now).text, '14:05');
    assert.equal(countdownParts(now + 65_500, now).text, '01:06');
    assert.equal(countdownParts(now + 59 * 60_000 + 59_000, now).unit, 'minutes-seconds');
  });
  it('switches to h:mm from an hour on', () => {
    const parts = countdownParts(now + 3600_000 + 5 * 60_000, now);
    assert.equal(parts.text, '1:05');
    assert.equal(parts.unit, 'hours-minutes');
    assert.equal(countdownParts(now + 24 * 3600_000, now).text, '24:00');
  });
  it('stops at 00:00 and says it expired', () => {
    const parts = countdownParts(now - 5_000, now);
    assert.equal(parts.text, '00:00');
    assert.equal(parts.expired, true);
    assert.equal(countdownParts(now + 1, now).expired, false);
  });
});

describe('lifetimeLeft', () => {
  it('is the share of the lifetime still ahead, clamped to [0, 1]', () => {
    assert.equal(lifetimeLeft(0, 1000, 250), 0.75);
    assert.equal(lifetimeLeft(0, 1000, 2000), 0);
    assert.equal(lifetimeLeft(500, 1000, 0), 1);
  });
  it('without an issue time, full until expiry', () => {
    assert.equal(lifetimeLeft(null, 1000, 999), 1);
    assert.equal(lifetimeLeft(null, 1000, 1000), 0);
  });
});

describe('Intl formatting', () => {
  it('picks readable units for relative times and durations', () => {
    assert.deepEqual(relativeParts(-3 * 60_000), [-3, 'minute']);
    assert.deepEqual(relativeParts(2_000), [0, 'second']);
    assert.deepEqual(relativeParts(5 * 3600_000), [5, 'hour']);
    assert.deepEqual(durationParts(14 * 60 + 59), [14, 'minute']);
    assert.deepEqual(durationParts(30), [30, 'second']);
  });
  it('words units in the chosen language', () => {
    const at = Date.UTC(2026, 0, 5, 10, 0, 0);
    assert.match(createTimeFormatters('fr-BE').relative(at - 3 * 60_000, at), /il y a 3 minutes/u);
    assert.match(createTimeFormatters('nl-BE').relative(at + 10 * 60_000, at), /over 10 minuten/u);
    assert.match(createTimeFormatters('en-GB').duration(30), /30 seconds/u);
    assert.match(createTimeFormatters('nl-BE').duration(120), /2 minuten/u);
  });
});
