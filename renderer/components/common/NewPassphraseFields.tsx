import { useTranslation } from '../../i18n/use-translation';
import type { NewPassphrase } from '../../hooks/use-new-passphrase';
import { FormField } from './FormField';

interface NewPassphraseFieldsProps {
  entry: NewPassphrase;
  /** What the passphrase protects ("New passphrase", "Backup passphrase"). */
  label: string;
  disabled: boolean;
  autoFocus?: boolean;
  required?: boolean;
}

/** The passphrase and its repetition, with the passphrase rule as a hint. */
export function NewPassphraseFields({ entry, label, disabled, autoFocus = false, required = false }: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormField label={label} hint={t('unlock.passphraseHint')} type="password" autoComplete="new-password" autoFocus={autoFocus} value={entry.passphrase} onChange={(event) => entry.setPassphrase(event.target.value)} error={entry.errors.passphrase} inputRef={entry.refs.passphrase} disabled={disabled} required={required} />
      <FormField label={t('unlock.repeat')} type="password" autoComplete="new-password" value={entry.repeat} onChange={(event) => entry.setRepeat(event.target.value)} error={entry.errors.repeat} inputRef={entry.refs.repeat} disabled={disabled} required={required} />
    </>
  );
}
