import type { AccountSummary } from '../../shared/account-summary';
import { APP_NAME } from './main-texts';
import type { MainTexts } from './main-texts';
import { formatDuration, formatSeconds } from './remaining-time';

/** What notifications say, in the user's language. Never a token: labels, durations and what to do. */
export interface Notice {
  title: string;
  body: string;
  /** The account the notice is about: clicking it opens the window there. */
  accountId?: string;
}

export interface Notifier {
  notify(notice: Notice): void;
}

export function copyNotice(
  input: { account: AccountSummary; format: 'token' | 'header'; expiresAt: number; clearsInSeconds: number; now: number },
  texts: MainTexts,
): Notice {
  return {
    title: APP_NAME,
    body: texts.copyConfirmation({
      label: input.account.label,
      format: input.format,
      validity: formatDuration(input.expiresAt - input.now, texts),
      clearsIn: input.clearsInSeconds > 0 ? formatSeconds(input.clearsInSeconds, texts) : null,
    }),
    accountId: input.account.id,
  };
}

export function needsExchangeTokenNotice(account: AccountSummary, texts: MainTexts): Notice {
  return { title: texts.needsExchangeTokenTitle(account.label), body: texts.needsExchangeTokenBody, accountId: account.id };
}

export function secretsUnreadableNotice(account: AccountSummary, texts: MainTexts): Notice {
  return { title: texts.secretsUnreadableTitle(account.label), body: texts.secretsUnreadableBody, accountId: account.id };
}

export function refreshFailingNotice(account: AccountSummary, now: number, texts: MainTexts): Notice {
  const since = account.failingSince ?? now;
  return { title: texts.refreshFailingTitle(account.label), body: texts.refreshFailingBody(formatDuration(now - since, texts)), accountId: account.id };
}
