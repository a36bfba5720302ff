import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lifetimeLeft, secondsLeft } from '../../renderer/format/countdown';
import { createTimeFormatters, durationParts, relativeParts } from '../../renderer/format/intl-format';

describe('lifetimeLeft and secondsLeft', () => {
  it('is the share of the lifetime still ahead, clamped to [0, 1]', () => {
    assert.equal(lifetimeLeft(0, 1000, 250), 0.75);
    assert.equal(lifetimeLeft(0, 1000, 2000), 0);
    assert.equal(lifetimeLeft(500, 1000, 0), 1);
    assert.equal(lifetimeLeft(null, 1000, 999), 1);
  });
  it('rounds the seconds left up and stops at 0', () => {
    assert.equal(secondsLeft(10_500, 10_000), 1);
    assert.equal(secondsLeft(9_000, 10_000), 0);
  });
});

describe('durations are two units, never a clock reading', () => {
  it('picks the two largest units and drops a zero second unit', () => {
    assert.deepEqual(durationParts(14 * 60 + 25), [[14, 'minute'], [25, 'second']]);
    assert.deepEqual(durationParts(2 * 3600 + 59 * 60 + 40), [[2, 'hour'], [59, 'minute']]);
    assert.deepEqual(durationParts(3600), [[1, 'hour']]);
    assert.deepEqual(durationParts(30), [[30, 'second']]);
    assert.deepEqual(durationParts(26 * 3600), [[1, 'day'], [2, 'hour']]);
  });
  it('words them through Intl in the chosen language, with units and no colon', () => {
    const en = createTimeFormatters('en-GB');
    for (const text of [en.duration(14 * 60 + 25), en.duration(2 * 3600 + 59 * 60), createTimeFormatters('fr-BE').duration(14 * 60 + 25), createTimeFormatters('nl-BE').duration(2 * 3600 + 59 * 60)]) {
      assert.doesNotMatch(text, /\d:\d/u, text);
    }
    assert.match(en.duration(14 * 60 + 25), /14.*min.*25.*s/u);
    assert.match(en.durationLong(2 * 3600 + 59 * 60), /2 hours.*59 minutes/u);
    assert.match(createTimeFormatters('nl-BE').durationLong(120), /2 minuten/u);
  });
  it('words relative instants', () => {
    const at = Date.UTC(2026, 0, 5, 10, 0, 0);
    assert.deepEqual(relativeParts(-3 * 60_000), [-3, 'minute']);
    assert.match(createTimeFormatters('fr-BE').relative(at - 3 * 60_000, at), /il y a 3 minutes/u);
    assert.match(createTimeFormatters('nl-BE').relative(at + 10 * 60_000, at), /over 10 minuten/u);
  });
});
