import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { settingsSchema } from '../../../electron/shared/settings';
import type { SettingsPatch } from '../../../electron/shared/settings';
import { validateWith } from '../../forms/field-errors';
import { FormField } from '../common/FormField';
import { SavedMark } from './saved-marks';

/** The settings that are a number of seconds. */
type SecondsField = 'clipboardClearSeconds' | 'refreshLeadSeconds';

function patchOf(field: SecondsField, seconds: number): SettingsPatch {
  return field === 'clipboardClearSeconds' ? { clipboardClearSeconds: seconds } : { refreshLeadSeconds: seconds };
}

interface NumberSettingProps {
  field: SecondsField;
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  disabled?: boolean;
  /** Saves a change; resolves to an error sentence, or null when saved. */
  save: (patch: SettingsPatch) => Promise<string | null>;
}

/** A setting in seconds, validated with its shared schema and saved when the field is left or Enter is pressed. */
export function NumberSetting({ field, label, hint, value, min, max, disabled = false, save }: NumberSettingProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => setDraft(String(value)), [value]);

  const commit = async (): Promise<void> => {
    const parsed = draft.trim() === '' ? Number.NaN : Number(draft);
    const checked = validateWith(settingsSchema.shape[field], Number.isNaN(parsed) ? draft : parsed, t, field);
    if (!checked.ok) return setError(checked.errors[field]);
    if (checked.value === null || checked.value === value) return setError(undefined);
    setError((await save(patchOf(field, checked.value))) ?? undefined);
  };

  return (
    <FormField
      className="field-number"
      label={label}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={draft}
      disabled={disabled}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void commit();
      }}
      error={error}
      status={<SavedMark field={field} />}
    />
  );
}
