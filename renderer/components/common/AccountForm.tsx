import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emailSchema, exchangeTokenSchema, hostSchema, labelSchema, newAccountSchema } from '../../../electron/shared/account-input';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import type { FieldErrors } from '../../forms/field-errors';
import { validateOnBlur } from '../../forms/blur-validation';
import { validateWith } from '../../forms/field-errors';
import { DEFAULT_HOST_CHOICE, hostFromChoice } from '../../forms/host-choice';
import type { HostChoice } from '../../forms/host-choice';
import { placeRefusal } from '../../forms/place-refusal';
import { FormField } from './FormField';
import { HostField } from './HostField';

const FIELDS = ['label', 'email', 'host', 'exchangeToken'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_SCHEMAS = { label: labelSchema, email: emailSchema, host: hostSchema, exchangeToken: exchangeTokenSchema };

interface AccountFormProps {
  onAdded: (account: AccountSummary) => void;
  onCancel?: () => void;
  /** Reports the exchange in progress, so a surrounding dialog can refuse to close meanwhile. */
  onBusyChange?: (busy: boolean) => void;
}

/** The add-account form: validated inline with the shared schemas, then exchanged with Winbooks by main. */
export function AccountForm({ onAdded, onCancel, onBusyChange }: AccountFormProps) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [email, setEmail] = useState('');
  const [host, setHost] = useState<HostChoice>(DEFAULT_HOST_CHOICE);
  const [exchangeToken, setExchangeToken] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    label: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    host: useRef<HTMLInputElement>(null),
    exchangeToken: useRef<HTMLInputElement>(null),
  };

  const values = (): Record<Field, string> => ({ label, email, host: hostFromChoice(host), exchangeToken });

  /** On leaving a field: an untouched empty field is not an error yet. */
  const checkField = (field: Field): void => {
    if (values()[field].trim() === '' && errors[field] === undefined) return;
    const result = validateWith(FIELD_SCHEMAS[field], values()[field], t, field);
    setErrors((current) => ({ ...current, [field]: result.ok ? undefined : result.errors[field] }));
  };

  const focusFirstError = (fieldErrors: FieldErrors): void => {
    const first = FIELDS.find((field) => fieldErrors[field] !== undefined);
    if (first !== undefined) refs[first].current?.focus();
  };

  const setBusyState = (next: boolean): void => {
    setBusy(next);
    onBusyChange?.(next);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const checked = validateWith(newAccountSchema, values(), t);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setErrors({});
    setBusyState(true);
    try {
      const { account } = await unwrap(winbooks().addAccount(checked.value));
      setBusyState(false);
      onAdded(account);
    } catch (error) {
      setBusyState(false);
      const placed = placeRefusal(t, appErrorOf(error), FIELDS);
      setErrors(placed.fieldErrors);
      setFormError(placed.formError);
      focusFirstError(placed.fieldErrors);
    }
  };

  return (
    <form className="form account-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <FormField
        label={t('form.label')}
        hint={t('form.labelHint')}
        autoComplete="off"
        value={label}
        onChange={(event) => setLabel(event.target.value)}
        onBlur={(event) => {
          if (validateOnBlur(event)) checkField('label');
        }}
        error={errors.label}
        inputRef={refs.label}
        disabled={busy}
        required
      />
      <FormField
        label={t('form.email')}
        hint={t('form.emailHint')}
        type="email"
        autoComplete="email"
        spellCheck={false}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        onBlur={(event) => {
          if (validateOnBlur(event)) checkField('email');
        }}
        error={errors.email}
        inputRef={refs.email}
        disabled={busy}
        required
      />
      <HostField value={host} onChange={setHost} onBlur={(event) => {
          if (validateOnBlur(event)) checkField('host');
        }} error={errors.host} disabled={busy} inputRef={refs.host} />
      <FormField
        label={t('form.exchangeToken')}
        hint={t('form.exchangeTokenHint')}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={exchangeToken}
        onChange={(event) => setExchangeToken(event.target.value)}
        onBlur={(event) => {
          if (validateOnBlur(event)) checkField('exchangeToken');
        }}
        error={errors.exchangeToken}
        inputRef={refs.exchangeToken}
        disabled={busy}
        required
      />
      {formError !== null && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        {onCancel !== undefined && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('form.adding') : t('form.add')}
        </button>
      </div>
      {busy && (
        <p className="visually-hidden" role="status">
          {t('form.adding')}
        </p>
      )}
    </form>
  );
}
