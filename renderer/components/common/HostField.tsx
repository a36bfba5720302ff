import { useId } from 'react';
import type { FocusEvent, Ref } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { HostKind } from '../../../electron/shared/account-input';
import type { HostChoice } from '../../forms/host-choice';
import { FormField } from './FormField';

interface HostFieldProps {
  value: HostChoice;
  onChange: (value: HostChoice) => void;
  onBlur: (event: FocusEvent<HTMLInputElement>) => void;
  error: string | undefined;
  disabled: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

const KINDS: readonly HostKind[] = ['production', 'legacy', 'custom'];

/** Radio buttons for the known Winbooks API bases plus a text field for any other address. */
export function HostField({ value, onChange, onBlur, error, disabled, inputRef }: HostFieldProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="field host-field" disabled={disabled}>
      <legend>{t('form.host')}</legend>
      <div className="radio-group">
        {KINDS.map((kind) => (
          <label key={kind} className="radio">
            <input type="radio" name={name} value={kind} checked={value.kind === kind} onChange={() => onChange({ ...value, kind })} />
            <span>{t(`form.hostChoice.${kind}`)}</span>
          </label>
        ))}
      </div>
      {value.kind === 'custom' ? (
        <FormField
          label={t('form.customHost')}
          hint={t('form.customHostHint')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={value.custom}
          onChange={(event) => onChange({ ...value, custom: event.target.value })}
          onBlur={onBlur}
          error={error}
          inputRef={inputRef}
        />
      ) : (
        error !== undefined && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )
      )}
    </fieldset>
  );
}
