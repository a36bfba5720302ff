import type { AppErrorShape } from '../../electron/shared/account-summary';
import { errorField, errorText } from '../i18n/error-text';
import type { Translate } from '../i18n/translate';
import type { FieldErrors } from './field-errors';

/**
 * Places a refusal from main beside the field it concerns when that field is on the form,
 * otherwise returns it as a message for the whole form.
 */
export function placeRefusal(t: Translate, error: AppErrorShape, fieldsOnForm: readonly string[]): { fieldErrors: FieldErrors; formError: string | null } {
  const text = errorText(t, error);
  const field = errorField(error);
  if (field !== null && fieldsOnForm.includes(field)) return { fieldErrors: { [field]: text }, formError: null };
  return { fieldErrors: {}, formError: text };
}
