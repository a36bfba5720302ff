import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSizeFormatters } from '../../renderer/format/size-format';

/** What Intl itself says for a value in a unit: the words are ICU's (they differ between ICU versions), the unit and value ours. */
const intl = (locale: string, unit: string, value: number): string => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);

describe('sizes and short durations', () => {
  it('bytes below 1 KiB, then kB and MB (binary multiples) with one decimal at most', () => {
    const en = createSizeFormatters('en-GB');
    assert.equal(en.bytes(0), intl('en-GB', 'byte', 0));
    assert.equal(en.bytes(1023), intl('en-GB', 'byte', 1023));
    assert.equal(en.bytes(1536), intl('en-GB', 'kilobyte', 1.5));
    assert.equal(en.bytes(50 * 1024 * 1024), intl('en-GB', 'megabyte', 50));
    assert.match(en.bytes(1536), /^1\.5\s/u);
  });

  it('milliseconds below a second, then seconds; worded for the locale', () => {
    assert.equal(createSizeFormatters('en-GB').milliseconds(12), intl('en-GB', 'millisecond', 12));
    assert.equal(createSizeFormatters('en-GB').milliseconds(2500), intl('en-GB', 'second', 2.5));
    assert.match(createSizeFormatters('fr-BE').bytes(1536), /^1,5\s/u, 'a decimal comma in French');
    assert.equal(createSizeFormatters('nl-BE').milliseconds(1500), intl('nl-BE', 'second', 1.5));
  });
});
