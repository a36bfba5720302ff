import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from 'node:util';
import { scanArgs, type OptionTypes } from '../../cli/scan-args';

/**
 * cli/scan-args.ts stands in for node:util parseArgs (strict, positionals allowed) to spare the CLI's start the
 * modules parseArgs loads. Every sequence of up to three awkward arguments, under each option set the CLI uses,
 * gives the same values and positionals as parseArgs, or an error from both.
 */

const OPTION_SETS: readonly OptionTypes[] = [{ json: 'boolean' }, { all: 'boolean' }, { 'min-valid': 'string', format: 'string' }, { 'min-valid': 'string' }, {}];

const TOKENS = ['Acme', '', '-', '--', '---', '--=', '-5', '-x', '-h', '--json', '--json=1', '--all', '--format', '--format=json', '--format=', '--min-valid', '--min-valid=-5', '60', 'json', '--unknown', '--unknown=1', '--no-json', '--__proto__', '--toString'];

function sequences(length: number): string[][] {
  if (length === 0) return [[]];
  return sequences(length - 1).flatMap((prefix) => TOKENS.map((token) => [...prefix, token]));
}

function reference(args: string[], options: OptionTypes): unknown {
  const config = Object.fromEntries(Object.entries(options).map(([name, type]) => [name, { type }]));
  try {
    const { values, positionals } = parseArgs({ args, options: config, allowPositionals: true, strict: true });
    return { values: { ...values }, positionals };
  } catch {
    return 'error';
  }
}

function scanned(args: string[], options: OptionTypes): unknown {
  try {
    const { values, positionals } = scanArgs(args, options);
    return { values: { ...values }, positionals };
  } catch {
    return 'error';
  }
}

test('scanArgs reads arguments exactly as parseArgs does (strict, positionals allowed)', () => {
  let errors = 0;
  let compared = 0;
  for (const options of OPTION_SETS) {
    for (const length of [0, 1, 2, 3]) {
      for (const args of sequences(length)) {
        const expected = reference(args, options);
        assert.deepStrictEqual(scanned(args, options), expected, `${JSON.stringify(args)} with ${JSON.stringify(options)}`);
        compared += 1;
        if (expected === 'error') errors += 1;
      }
    }
  }
  // Both outcomes must be exercised, or the comparison proves little.
  assert.ok(errors > 1000 && compared - errors > 1000, `${errors} errors of ${compared}`);
});

test('its errors say what is wrong in plain words', () => {
  assert.throws(() => scanArgs(['--colour'], { json: 'boolean' }), /Unknown option "--colour"/u);
  assert.throws(() => scanArgs(['--json=yes'], { json: 'boolean' }), /--json takes no value/u);
  assert.throws(() => scanArgs(['--format'], { format: 'string' }), /--format needs a value/u);
  assert.throws(() => scanArgs(['--min-valid', '-5'], { 'min-valid': 'string' }), /--min-valid=<value>/u);
});
