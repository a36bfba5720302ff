import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { loadStrengthEstimator, passphraseSchema, strongPassphraseSchema } from '../../electron/shared/passphrase';
import type { StrengthEstimator } from '../../electron/shared/passphrase';
import { validateWith } from '../forms/field-errors';

type NewPassphraseField = 'passphrase' | 'repeat';

export type NewPassphraseCheck = { ok: true; passphrase: string } | { ok: false; field: NewPassphraseField };

/** The estimator's dictionaries are their own chunk: asked for when a form shows, ready by the time it is sent. */
async function estimatorOrNone(): Promise<StrengthEstimator | null> {
  try {
    return await loadStrengthEstimator();
  } catch {
    return null; // main checks strength on every passphrase it receives: its refusal is shown instead
  }
}

/** A new passphrase typed twice: the shared passphrase rule (strength included), then both entries must match. */
export function useNewPassphrase() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<NewPassphraseField, string>>>({});
  const refs = { passphrase: useRef<HTMLInputElement>(null), repeat: useRef<HTMLInputElement>(null) };

  useEffect(() => {
    void estimatorOrNone();
  }, []);

  /** Shows the first problem beside its field (or clears the errors) and says which field failed. */
  const check = async (): Promise<NewPassphraseCheck> => {
    const estimate = await estimatorOrNone();
    const checked = validateWith(estimate === null ? passphraseSchema : strongPassphraseSchema(estimate), passphrase, t, 'passphrase');
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
