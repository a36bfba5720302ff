import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { accountPatchSchema, emailSchema, exchangeTokenSchema, hostSchema, labelSchema } from '../../../electron/shared/account-input';
import type { AccountPatchInput } from '../../../electron/shared/account-input';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { winbooks } from '../../api/winbooks-bridge';
import { destinationChanged } from '../../forms/edit-destination';
import { validateWith } from '../../forms/field-errors';
import { choiceFromHost, hostFromChoice } from '../../forms/host-choice';
import type { HostChoice } from '../../forms/host-choice';
import { placeRefusal } from '../../forms/place-refusal';
import { useFieldChecks } from '../../forms/use-field-checks';
import { useAnnounce } from '../../hooks/use-announcer';
import { useBusyRequest } from '../../hooks/use-busy-request';
import { BusyButton } from '../common/BusyButton';
import { CancelButton } from '../common/CancelButton';
import { Dialog } from '../common/Dialog';
import { ExchangeTokenField } from '../common/ExchangeTokenField';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { HostField } from '../common/HostField';

const FIELDS = ['label', 'email', 'host', 'exchangeToken'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_SCHEMAS = { label: labelSchema, email: emailSchema, host: hostSchema, exchangeToken: exchangeTokenSchema };

/**
 * Edits label, e-mail and host; only what changed is sent. A new e-mail or host is another grant destination:
 * the form then asks for the exchange token sent for it, required in the same submit (the stored one never
 * leaves for a destination it was not obtained from).
 */
export function EditAccountDialog({ account, onClose }: { account: AccountSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [label, setLabel] = useState(account.label);
  const [email, setEmail] = useState(account.email);
  const [host, setHost] = useState<HostChoice>(() => choiceFromHost(account.host));
  const [exchangeToken, setExchangeToken] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const { busy, send } = useBusyRequest();

  const values = (): Record<Field, string> => ({ label, email, host: hostFromChoice(host), exchangeToken });
  const needsExchangeToken = destinationChanged(account, { email, host: hostFromChoice(host) });
  const { errors, refs, checkOnBlur, showErrors } = useFieldChecks(FIELDS, FIELD_SCHEMAS, values);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const current = values();
    const patch: AccountPatchInput = {};
    if (current.label !== account.label) patch.label = current.label;
    if (current.email !== account.email) patch.email = current.email;
    if (current.host !== account.host) patch.host = current.host;
    // Left empty, it is omitted: the shared schema then says the new destination needs it.
    if (needsExchangeToken && current.exchangeToken.trim() !== '') patch.exchangeToken = current.exchangeToken;
    const checked = validateWith(accountPatchSchema, patch, t);
    if (!checked.ok) return showErrors(checked.errors);
    if (Object.keys(checked.value).length === 0) return onClose();
    await send(
      () => winbooks().updateAccount({ id: account.id, patch: checked.value }),
      ({ account: updated }) => {
        announce(t('form.saved', { label: updated.label }), 'success');
        onClose();
      },
      (refusal) => {
        const placed = placeRefusal(t, refusal, FIELDS);
        setFormError(placed.formError);
        showErrors(placed.fieldErrors);
      },
    );
  };

  return (
    <Dialog title={t('form.editTitle', { label: account.label })} onClose={onClose} busy={busy}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <FormField label={t('form.label')} autoComplete="off" value={label} onChange={(event) => setLabel(event.target.value)} onBlur={checkOnBlur('label')} error={errors.label} inputRef={refs.label} disabled={busy} required />
        <FormField label={t('form.email')} type="email" spellCheck={false} value={email} onChange={(event) => setEmail(event.target.value)} onBlur={checkOnBlur('email')} error={errors.email} inputRef={refs.email} disabled={busy} required />
        <HostField value={host} onChange={setHost} onBlur={checkOnBlur('host')} error={errors.host} disabled={busy} inputRef={refs.host} />
        {needsExchangeToken && (
          <ExchangeTokenField value={exchangeToken} onChange={setExchangeToken} hint={t('form.newDestinationHint')} error={errors.exchangeToken} inputRef={refs.exchangeToken} disabled={busy} />
        )}
        <FormError message={formError} />
        <div className="form-actions">
          <CancelButton onCancel={onClose} busy={busy} />
          <BusyButton className="button button-primary" busy={busy} label={t('form.save')} busyLabel={t('form.saving')} />
        </div>
      </form>
    </Dialog>
  );
}
