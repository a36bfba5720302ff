import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { validateWith } from '../../forms/field-errors';
import { FormField } from '../common/FormField';

interface NumberSettingProps {
  field: string;
  label: string;
  hint: string;
  value: number;
  schema: z.ZodType<number | null>;
  min: number;
  max: number;
  disabled?: boolean;
  onCommit: (value: number) => Promise<string | null>;
}

/** A number of seconds, validated with the shared schema and saved when the field is left or Enter is pressed. */
export function NumberSetting({ field, label, hint, value, schema, min, max, disabled = false, onCommit }: NumberSettingProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => setDraft(String(value)), [value]);

  const commit = async (): Promise<void> => {
    const parsed = draft.trim() === '' ? Number.NaN : Number(draft);
    const checked = validateWith(schema, Number.isNaN(parsed) ? draft : parsed, t, field);
    if (!checked.ok) return setError(checked.errors[field]);
    if (checked.value === null || checked.value === value) return setError(undefined);
    setError((await onCommit(checked.value)) ?? undefined);
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
    />
  );
}
