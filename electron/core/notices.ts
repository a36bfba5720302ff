import type { AccountSummary } from '../shared/account-summary';
import { formatDuration, formatSeconds } from './remaining-time';

/** What notifications say. Never a token: labels, durations and what to do. */
export interface Notice {
  title: string;
  body: string;
  /** The account the notice is about: clicking it opens the window there. */
  accountId?: string;
}

export interface Notifier {
  notify(notice: Notice): void;
}

export function copyNotice(input: { account: AccountSummary; format: 'token' | 'header'; expiresAt: number; clearsInSeconds: number; now: number }): Notice {
  const what = input.format === 'header' ? 'Authorization header copied' : 'token copied';
  const clears = input.clearsInSeconds > 0 ? `clipboard clears in ${formatSeconds(input.clearsInSeconds)}` : 'the clipboard is not cleared automatically';
  return {
    title: 'Winbooks Token Manager',
    body: `${input.account.label}: ${what}, valid ${formatDuration(input.expiresAt - input.now)}; ${clears}`,
    accountId: input.account.id,
  };
}

export function needsExchangeTokenNotice(account: AccountSummary): Notice {
  return {
    title: `${account.label}: a new exchange token is needed`,
    body: 'Winbooks refused this account\'s tokens. Ask the licence admin for a new exchange token and paste it in the app.',
    accountId: account.id,
  };
}

export function secretsUnreadableNotice(account: AccountSummary): Notice {
  return {
    title: `${account.label}: stored tokens cannot be read`,
    body: 'The stored tokens of this account failed their integrity check. Open the app and paste the exchange token again.',
    accountId: account.id,
  };
}

export function refreshFailingNotice(account: AccountSummary, now: number): Notice {
  const since = account.failingSince ?? now;
  return {
    title: `${account.label}: refresh failing`,
    body: `Winbooks could not be reached for ${formatDuration(now - since)}; the app keeps retrying. Check the network or the host.`,
    accountId: account.id,
  };
}
