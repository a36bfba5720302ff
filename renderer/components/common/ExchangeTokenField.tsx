import type { FocusEvent, Ref } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { FormField } from './FormField';

interface ExchangeTokenFieldProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  error: string | undefined;
  inputRef: Ref<HTMLInputElement>;
  disabled: boolean;
  autoFocus?: boolean;
  /** Replaces the usual hint (where the token comes from) when the form has more to say. */
  hint?: string;
}

/** The exchange token is a secret: a password field, never spell-checked or remembered by the browser. */
export function ExchangeTokenField({ value, onChange, onBlur, error, inputRef, disabled, autoFocus = false, hint }: ExchangeTokenFieldProps) {
  const { t } = useTranslation();
  return (
    <FormField
      label={t('form.exchangeToken')}
      hint={hint ?? t('form.exchangeTokenHint')}
      type="password"
      autoComplete="off"
      spellCheck={false}
      autoFocus={autoFocus}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      error={error}
      inputRef={inputRef}
      disabled={disabled}
      required
    />
  );
}
