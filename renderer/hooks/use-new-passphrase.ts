import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseSchema } from '../../electron/shared/ipc-contract';
import { validateWith } from '../forms/field-errors';

type NewPassphraseField = 'passphrase' | 'repeat';

export type NewPassphraseCheck = { ok: true; passphrase: string } | { ok: false; field: NewPassphraseField };

/** A new passphrase typed twice: the shared passphrase rule, then both entries must match. */
export function useNewPassphrase() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<NewPassphraseField, string>>>({});
  const refs = { passphrase: useRef<HTMLInputElement>(null), repeat: useRef<HTMLInputElement>(null) };

  /** Shows the first problem beside its field (or clears the errors) and says which field failed. */
  const check = (): NewPassphraseCheck => {
    const checked = validateWith(passphraseSchema, passphrase, t, 'passphrase');
    if (!checked.ok) {
      setErrors({ passphrase: checked.errors.passphrase });
      return { ok: false, field: 'passphrase' };
    }
    if (repeat !== passphrase) {
      setErrors({ repeat: t('unlock.mismatch') });
      return { ok: false, field: 'repeat' };
    }
    setErrors({});
    return { ok: true, passphrase: checked.value };
  };

  const focus = (field: NewPassphraseField): void => refs[field].current?.focus();

  const clear = (): void => {
    setPassphrase('');
    setRepeat('');
  };

  return { passphrase, setPassphrase, repeat, setRepeat, errors, refs, check, focus, clear };
}

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;
