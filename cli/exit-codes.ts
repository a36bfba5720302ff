import type { ResponseErrorCode } from '../electron/core/command-line/protocol';

/** The exit codes scripts can rely on (documented in --help and the README). */
export const ExitCode = {
  ok: 0,
  /** Anything not covered below (an unexpected failure inside the app). */
  failure: 1,
  usage: 2,
  unknownAccount: 3,
  needsExchangeToken: 4,
  appUnavailable: 5,
  winbooksUnreachable: 6,
  /** The command line is on, but not allowed to serve this account (the app's Settings). */
  accountNotAllowed: 7,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the CLI reports on stderr and turns into its exit code. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    /** One of ExitCode, or a shell's 126/127 when exec cannot start the command. */
    readonly exitCode: number,
    message: string,
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
  }
}

export function exitCodeForError(code: ResponseErrorCode): ExitCode {
  switch (code) {
    case 'unknown-account':
      return ExitCode.unknownAccount;
    case 'needs-exchange-token':
    case 'grant-rejected':
    case 'refresh-rejected':
    case 'secrets-unreadable':
      return ExitCode.needsExchangeToken;
    case 'vault-locked':
    case 'unauthorized':
    case 'gateway-unavailable':
      return ExitCode.appUnavailable;
    case 'account-not-allowed':
      return ExitCode.accountNotAllowed;
    case 'winbooks-unreachable':
    case 'winbooks-bad-response':
      return ExitCode.winbooksUnreachable;
    case 'invalid-input':
    case 'bad-request':
    case 'request-too-large':
      return ExitCode.usage;
    case 'unsupported-version':
    case 'duplicate-label':
    case 'duplicate-account':
    case 'host-not-allowed':
    case 'storage-failed':
    case 'auto-refresh-off':
    case 'internal':
      return ExitCode.failure;
  }
}
