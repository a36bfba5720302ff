import { errorCodeSchema } from '../../electron/shared/account-summary';
import type { AppErrorShape, ErrorCode } from '../../electron/shared/account-summary';
import type { Translate } from './translate';

/** Every error code main can send, each with plain words in every language (checked by the i18n test). */
export const ERROR_CODES: readonly ErrorCode[] = errorCodeSchema.options;

/**
 * The sentence shown for an error. Input refusals carry main's own sentence (the renderer validates first,
 * so these are rare); every other code is translated.
 */
export function errorText(t: Translate, error: AppErrorShape): string {
  if (error.code === 'invalid-input' && error.message !== '') return error.message;
  return t(`errors.${error.code}`, error.params ?? {});
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
