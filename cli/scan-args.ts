/**
 * The part of node:util's parseArgs the CLI uses (strict, long options only, positionals allowed), without the
 * millisecond its modules take to load at every start. tests/cli/cli-scan-args.test.ts holds it to parseArgs:
 * on every combination of a set of awkward arguments, the same values and positionals, or an error for both.
 */

export type OptionTypes = Readonly<Record<string, 'string' | 'boolean'>>;
export type ScannedArgs<O extends OptionTypes> = {
  values: { [K in keyof O]?: O[K] extends 'string' ? string : boolean };
  positionals: string[];
};

/** A value that parseArgs would take for an option (so, strictly, a forgotten option argument). */
function looksLikeOption(value: string): boolean {
  return value.length > 1 && value.startsWith('-');
}

/** Throws an Error whose message says, in plain words, what is wrong with the arguments. */
export function scanArgs<O extends OptionTypes>(args: readonly string[], options: O): ScannedArgs<O> {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!looksLikeOption(arg)) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, equals === -1 ? undefined : equals) : null;
    const type = name !== null && Object.hasOwn(options, name) ? options[name] : undefined;
    if (name === null || type === undefined) {
      throw new Error(`Unknown option "${equals === -1 ? arg : arg.slice(0, equals)}". A value starting with "-" goes after --.`);
    }
    if (type === 'boolean') {
      if (equals !== -1) throw new Error(`Option --${name} takes no value.`);
      values[name] = true;
    } else if (equals !== -1) {
      values[name] = arg.slice(equals + 1);
    } else {
      const next = args[index + 1];
      if (next === undefined || looksLikeOption(next)) throw new Error(`Option --${name} needs a value (write --${name}=<value> for one starting with "-").`);
      values[name] = next;
      index += 1;
    }
  }
  return { values: values as ScannedArgs<O>['values'], positionals };
}
