import type { AppErrorShape } from '../../electron/shared/account-summary';
import type { Translate } from './translate';

/**
 * The sentence shown for an error: worded here from its code and params, in the window's language. Main's
 * English message is for logs only and never shown (tests/renderer checks every code has words in EN/FR/NL).
 */
export function errorText(t: Translate, error: AppErrorShape): string {
  return t(`errors.${error.code}`, { ...error.params });
}

/** The form field a refusal belongs to: the one main named, or the field the code is about. */
export function errorField(error: AppErrorShape): string | null {
  if (error.field !== undefined && error.field !== '') return error.field;
  switch (error.code) {
    case 'grant-rejected':
    case 'needs-exchange-token':
      return 'exchangeToken';
    case 'duplicate-label':
      return 'label';
    case 'duplicate-account':
      return 'email';
    case 'host-not-allowed':
      return 'host';
    case 'winbooks-unreachable':
    case 'winbooks-bad-response':
      return 'host';
    default:
      return null;
  }
}
