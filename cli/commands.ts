import type { ResultOf } from '../electron/core/command-line/protocol';
import type { AccountSummary } from '../electron/shared/account-summary';
import { callApp, type ConnectionOptions } from './app-connection';
import { CliFailure, ExitCode, exitCodeForError } from './exit-codes';
import { accountTable, describeExpiry, isoOrNull, STATUS_WORDS } from './format';
import { HELP_TEXT } from './help';
import { ACCOUNT_STATUSES, readErrorCode } from './message-readers';
import { parseCommandLine, type CliCommand, type TokenFormat } from './parse-args';
import { runWithToken } from './run-exec';
import { cliVersion } from './version';

/** What the CLI does for each command: results on stdout, every message for people on stderr. */

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A trailing newline after a bare token only when a person is looking at it. */
  stdoutIsTerminal: boolean;
  now(): number;
  connection?: ConnectionOptions;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.stderr(`winbooks-token: ${parsed.message}\nRun "winbooks-token --help" for usage.\n`);
    return ExitCode.usage;
  }
  try {
    return await execute(parsed.value, io);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.stderr(`winbooks-token: ${error.message}\n${suggestionLine(error)}`);
    return error.exitCode;
  }
}

function suggestionLine(failure: CliFailure): string {
  if (failure.exitCode !== ExitCode.unknownAccount) return '';
  if (failure.suggestions.length === 0) return 'Run "winbooks-token list" to see the accounts.\n';
  return `Did you mean: ${failure.suggestions.map((label) => `"${label}"`).join(', ')}?\n`;
}

async function execute(command: CliCommand, io: CliIo): Promise<number> {
  const options = io.connection ?? {};
  switch (command.command) {
    case 'help':
      io.stdout(HELP_TEXT);
      return ExitCode.ok;
    case 'version':
      io.stdout(`${cliVersion()}\n`);
      return ExitCode.ok;
    case 'list': {
      const { accounts } = await callApp('list', {}, options);
      io.stdout(command.json ? `${JSON.stringify(accounts.map(accountJson), null, 2)}\n` : listText(accounts, io.now()));
      return ExitCode.ok;
    }
    case 'get': {
      const fresh = await callApp('get', { account: command.account, minValidSeconds: command.minValidSeconds }, options);
      io.stdout(tokenOutput(fresh, command.format, io));
      return ExitCode.ok;
    }
    case 'refresh': {
      const { account } = await callApp('refresh', { account: command.account }, options);
      io.stdout(`Refreshed "${account.label}": the access token is valid until ${describeExpiry(account.accessExpiresAt, io.now())}.\n`);
      return ExitCode.ok;
    }
    case 'refresh-all':
      return refreshAll(await callApp('refresh-all', {}, options), io);
    case 'status': {
      const status = await callApp('status', {}, options);
      io.stdout(command.json ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
      return ExitCode.ok;
    }
    case 'url': {
      const { url } = await callApp('url', { account: command.account }, options);
      io.stdout(`${url}\n`);
      return ExitCode.ok;
    }
    case 'exec': {
      const fresh = await callApp('get', { account: command.account, minValidSeconds: command.minValidSeconds }, options);
      return runWithToken(command.commandLine, { WINBOOKS_ACCESS_TOKEN: fresh.accessToken, WINBOOKS_API_BASE: fresh.account.host });
    }
  }
}

function accountJson(account: AccountSummary): Record<string, unknown> {
  return {
    label: account.label,
    email: account.email,
    host: account.host,
    status: account.status,
    expires_at: isoOrNull(account.accessExpiresAt),
    auto_refresh: account.autoRefresh,
  };
}

function listText(accounts: readonly AccountSummary[], now: number): string {
  if (accounts.length === 0) return 'No accounts yet: add one in Winbooks Token Manager.\n';
  return `${accountTable(accounts, now)}\n`;
}

function tokenOutput(fresh: ResultOf<'get'>, format: TokenFormat, io: CliIo): string {
  switch (format) {
    case 'raw':
      return io.stdoutIsTerminal ? `${fresh.accessToken}\n` : fresh.accessToken;
    case 'header':
      return `Authorization: Bearer ${fresh.accessToken}${io.stdoutIsTerminal ? '\n' : ''}`;
    case 'json':
      return `${JSON.stringify({
        access_token: fresh.accessToken,
        token_type: 'Bearer',
        expires_at: new Date(fresh.expiresAt).toISOString(),
        expires_in: Math.max(0, Math.floor((fresh.expiresAt - io.now()) / 1000)),
        label: fresh.account.label,
        email: fresh.account.email,
        api_base: fresh.account.host,
      })}\n`;
  }
}

/** Some accounts failing is reported with the exit code of the most pressing failure: locked, grant, network. */
function refreshAll(report: ResultOf<'refresh-all'>, io: CliIo): number {
  io.stdout(`Refreshed ${report.refreshed} account(s); skipped ${report.skipped}; ${report.failed.length} failed.\n`);
  for (const failure of report.failed) io.stderr(`winbooks-token: "${failure.label}" was not refreshed: ${failure.message}\n`);
  const codes = report.failed.map((failure) => {
    const code = readErrorCode(failure.code);
    return code === undefined ? ExitCode.failure : exitCodeForError(code);
  });
  const precedence = [ExitCode.appUnavailable, ExitCode.needsExchangeToken, ExitCode.winbooksUnreachable, ExitCode.unknownAccount, ExitCode.failure];
  return precedence.find((code) => codes.includes(code)) ?? ExitCode.ok;
}

function statusText(status: ResultOf<'status'>): string {
  const vault = {
    open: 'unlocked',
    locked: 'LOCKED: unlock it in the app window',
    setup: 'not set up yet: open the app to create the vault',
    damaged: 'DAMAGED: open the app to see what to do',
  }[status.vault];
  const counts = ACCOUNT_STATUSES
    .flatMap((name) => {
      const count = status.byStatus[name];
      return count ? [`${count} ${STATUS_WORDS[name]}`] : [];
    })
    .join(', ');
  return (
    `Winbooks Token Manager ${status.appVersion} is running; vault ${vault}.\n` +
    `Accounts: ${status.accounts}${counts ? ` (${counts})` : ''}.\n`
  );
}
