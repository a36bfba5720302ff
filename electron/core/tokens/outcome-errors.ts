import type { AppErrorShape } from '../../shared/account-summary';
import type { TokenOutcome } from '../winbooks/token-types';

type Failure = Exclude<TokenOutcome, { kind: 'success' }>;

function serverSaid(outcome: { message: string }): string {
  return outcome.message ? ` Winbooks said: "${outcome.message}".` : '';
}

/** A transient failure in plain words; the caller adds when the next try is. */
export function transientError(outcome: Extract<TokenOutcome, { kind: 'transient' }>): AppErrorShape {
  if (outcome.reason === 'bad-response') {
    return { code: 'winbooks-bad-response', message: `Winbooks gave an answer the app could not use (${outcome.message}).` };
  }
  return { code: 'winbooks-unreachable', message: `Winbooks could not be reached (${outcome.message}).` };
}

/** The refresh token and then the exchange token were refused: only the user can fix this. */
export function needsExchangeTokenError(label: string, exchange: Extract<TokenOutcome, { kind: 'rejected' }>): AppErrorShape {
  return {
    code: 'needs-exchange-token',
    message:
      `Winbooks refused the stored tokens of "${label}" (HTTP ${exchange.status}).${serverSaid(exchange)} ` +
      'The grant may have been revoked or has expired: ask the licence admin for a new exchange token, then use "Replace exchange token".',
  };
}

/** An exchange token typed by the user was refused (add, replace, or a changed e-mail/host). */
export function grantRejectedError(email: string, outcome: Extract<TokenOutcome, { kind: 'rejected' }>): AppErrorShape {
  return {
    code: 'grant-rejected',
    field: 'exchangeToken',
    message:
      `Winbooks refused this exchange token for ${email} (HTTP ${outcome.status}).${serverSaid(outcome)} ` +
      'Check that the e-mail is the one the grant was sent to and that the token was copied whole; if the grant was revoked, ask the licence admin for a new one.',
  };
}

/** A failure while adding or replacing: nothing was saved. */
export function failureOnNewGrant(email: string, outcome: Failure): AppErrorShape {
  if (outcome.kind === 'rejected') return grantRejectedError(email, outcome);
  const base = transientError(outcome);
  return {
    ...base,
    field: 'host',
    message: `${base.message} Nothing was saved. Check the host address and your connection, then try again.`,
  };
}

/** The account's address is not one tokens may go to (a vault edited on disk, or "other API addresses" turned off). */
export function hostNotAllowedError(label: string, host: string, reason: string): AppErrorShape {
  return {
    code: 'host-not-allowed',
    field: 'host',
    params: { label, host },
    message: `"${label}" was not contacted: ${host} is not an address tokens may be sent to. ${reason.replace(/^Host: /u, '')}`,
  };
}

export function secretsUnreadableMessage(label: string): string {
  return `The stored tokens of "${label}" are damaged and cannot be decrypted; the other accounts are fine. Use "Replace exchange token" with a new exchange token to repair it.`;
}

export function secondsUntil(instant: number | null, now: number): number {
  return instant === null ? 0 : Math.max(0, Math.floor((instant - now) / 1000));
}

export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min`;
}
