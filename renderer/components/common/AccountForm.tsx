import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { emailSchema, exchangeTokenSchema, hostSchema, labelSchema, newAccountSchema } from '../../../electron/shared/account-input';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { winbooks } from '../../api/winbooks-bridge';
import { validateWith } from '../../forms/field-errors';
import { DEFAULT_HOST_CHOICE, hostFromChoice } from '../../forms/host-choice';
import type { HostChoice } from '../../forms/host-choice';
import { placeRefusal } from '../../forms/place-refusal';
import { useFieldChecks } from '../../forms/use-field-checks';
import { useBusyRequest } from '../../hooks/use-busy-request';
import { BusyButton } from './BusyButton';
import { CancelButton } from './CancelButton';
import { ExchangeTokenField } from './ExchangeTokenField';
import { FormError } from './FormError';
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
  const [formError, setFormError] = useState<string | null>(null);
  const { busy, send } = useBusyRequest();

  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  const values = (): Record<Field, string> => ({ label, email, host: hostFromChoice(host), exchangeToken });
  const { errors, refs, checkOnBlur, showErrors } = useFieldChecks(FIELDS, FIELD_SCHEMAS, values, { quietWhenEmpty: true });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const checked = validateWith(newAccountSchema, values(), t);
    if (!checked.ok) return showErrors(checked.errors);
    showErrors({});
    // The fields are enabled again before a refusal is placed, so the focus can land on the one it concerns.
    await send(
      () => winbooks().addAccount(checked.value),
      ({ account }) => onAdded(account),
      (refusal) => {
        const placed = placeRefusal(t, refusal, FIELDS);
        setFormError(placed.formError);
        showErrors(placed.fieldErrors);
      },
    );
  };

  return (
    <form className="form account-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <FormField label={t('form.label')} hint={t('form.labelHint')} autoComplete="off" value={label} onChange={(event) => setLabel(event.target.value)} onBlur={checkOnBlur('label')} error={errors.label} inputRef={refs.label} disabled={busy} required />
      <FormField label={t('form.email')} hint={t('form.emailHint')} type="email" autoComplete="email" spellCheck={false} value={email} onChange={(event) => setEmail(event.target.value)} onBlur={checkOnBlur('email')} error={errors.email} inputRef={refs.email} disabled={busy} required />
      <HostField value={host} onChange={setHost} onBlur={checkOnBlur('host')} error={errors.host} disabled={busy} inputRef={refs.host} />
      <ExchangeTokenField value={exchangeToken} onChange={setExchangeToken} onBlur={checkOnBlur('exchangeToken')} error={errors.exchangeToken} inputRef={refs.exchangeToken} disabled={busy} />
      <FormError message={formError} />
      <div className="form-actions">
        {onCancel !== undefined && <CancelButton onCancel={onCancel} busy={busy} />}
        <BusyButton className="button button-primary" busy={busy} spinner label={t('form.add')} busyLabel={t('form.adding')} />
      </div>
      {busy && (
        <p className="visually-hidden" role="status">
          {t('form.adding')}
        </p>
      )}
    </form>
  );
}
