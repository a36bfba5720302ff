import { DEFAULT_MIN_VALID_SECONDS, MAX_MIN_VALID_SECONDS } from '../electron/core/command-line/protocol-constants';
import { scanArgs } from './scan-args';

/** Turns argv into one command, or a usage error in plain words. Nothing here talks to the app. */

export const tokenFormats = ['raw', 'header', 'json'] as const;
export type TokenFormat = (typeof tokenFormats)[number];

export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'list'; json: boolean }
  | { command: 'get'; account: string; minValidSeconds: number; format: TokenFormat }
  | { command: 'refresh'; account: string }
  | { command: 'url'; account: string }
  | { command: 'refresh-all' }
  | { command: 'status'; json: boolean }
  | { command: 'exec'; account: string; minValidSeconds: number; commandLine: string[] };

export type ParsedCommandLine = { ok: true; value: CliCommand } | { ok: false; message: string };

const usage = (message: string): ParsedCommandLine => ({ ok: false, message });

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { ok: true, value: { command: 'help' } };
  if (name === '--version' || name === '-v' || name === 'version') return { ok: true, value: { command: 'version' } };
  if (name === 'exec') return parseExec(rest);
  if (rest.includes('--help') || rest.includes('-h')) return { ok: true, value: { command: 'help' } };
  try {
    switch (name) {
      case 'list':
      case 'status': {
        const { values, positionals } = scanArgs(rest, { json: 'boolean' });
        if (positionals.length > 0) return usage(`${name} takes no account or other word (got "${positionals[0]}").`);
        return { ok: true, value: { command: name, json: values.json ?? false } };
      }
      case 'get':
        return parseGet(rest);
      case 'refresh':
        return parseRefresh(rest);
      case 'url': {
        const { positionals } = scanArgs(rest, {});
        const account = singleAccount(positionals, 'url');
        return account.ok ? { ok: true, value: { command: 'url', account: account.value } } : account;
      }
      default:
        return usage(`Unknown command "${name}". Commands: list, get, refresh, status, exec, url.`);
    }
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

function parseGet(args: string[]): ParsedCommandLine {
  const { values, positionals } = scanArgs(args, { 'min-valid': 'string', format: 'string' });
  const account = singleAccount(positionals, 'get');
  if (!account.ok) return account;
  const minValid = parseMinValid(values['min-valid']);
  if (!minValid.ok) return minValid;
  const format = values.format ?? 'raw';
  if (!isTokenFormat(format)) return usage(`--format must be raw, header or json (got "${format}").`);
  return { ok: true, value: { command: 'get', account: account.value, minValidSeconds: minValid.value, format } };
}

function parseRefresh(args: string[]): ParsedCommandLine {
  const { values, positionals } = scanArgs(args, { all: 'boolean' });
  if (values.all === true) {
    if (positionals.length > 0) return usage('refresh: give either an account or --all, not both.');
    return { ok: true, value: { command: 'refresh-all' } };
  }
  const account = singleAccount(positionals, 'refresh');
  if (!account.ok) return usage('refresh: name the account to refresh (its label or e-mail), or use --all.');
  return { ok: true, value: { command: 'refresh', account: account.value } };
}

function parseExec(args: string[]): ParsedCommandLine {
  const separator = args.indexOf('--');
  if (separator === -1) return usage('exec: put -- before the command to run, e.g. winbooks-token exec "My client" -- curl ...');
  const own = args.slice(0, separator);
  const commandLine = args.slice(separator + 1);
  if (own.includes('--help') || own.includes('-h')) return { ok: true, value: { command: 'help' } };
  try {
    const { values, positionals } = scanArgs(own, { 'min-valid': 'string' });
    const account = singleAccount(positionals, 'exec');
    if (!account.ok) return account;
    const minValid = parseMinValid(values['min-valid']);
    if (!minValid.ok) return minValid;
    if (commandLine.length === 0) return usage('exec: give the command to run after --.');
    return { ok: true, value: { command: 'exec', account: account.value, minValidSeconds: minValid.value, commandLine } };
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

function singleAccount(positionals: string[], command: string): { ok: true; value: string } | { ok: false; message: string } {
  const [first] = positionals;
  if (first === undefined || first.trim() === '') return { ok: false, message: `${command}: name the account (its label or e-mail).` };
  if (positionals.length > 1) {
    return { ok: false, message: `${command}: expected one account but got ${positionals.length} words; put a label with spaces in quotes.` };
  }
  return { ok: true, value: first };
}

function parseMinValid(raw: string | undefined): { ok: true; value: number } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, value: DEFAULT_MIN_VALID_SECONDS };
  const seconds = /^\d{1,6}$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(seconds) || seconds > MAX_MIN_VALID_SECONDS) {
    return { ok: false, message: `--min-valid must be a whole number of seconds from 0 to ${MAX_MIN_VALID_SECONDS} (got "${raw}").` };
  }
  return { ok: true, value: seconds };
}

function isTokenFormat(value: string): value is TokenFormat {
  return (tokenFormats as readonly string[]).includes(value);
}
