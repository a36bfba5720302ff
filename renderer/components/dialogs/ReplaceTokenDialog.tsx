import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { exchangeTokenSchema } from '../../../electron/shared/account-input';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { winbooks } from '../../api/winbooks-bridge';
import { validateWith } from '../../forms/field-errors';
import { placeRefusal } from '../../forms/place-refusal';
import { useAnnounce } from '../../hooks/use-announcer';
import { useBusyRequest } from '../../hooks/use-busy-request';
import { BusyButton } from '../common/BusyButton';
import { CancelButton } from '../common/CancelButton';
import { Dialog } from '../common/Dialog';
import { ExchangeTokenField } from '../common/ExchangeTokenField';
import { FormError } from '../common/FormError';

/** Pastes a new exchange token (after the grant was renewed); main exchanges it before keeping it. */
export function ReplaceTokenDialog({ account, onClose }: { account: AccountSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const { busy, send } = useBusyRequest();
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const checked = validateWith(exchangeTokenSchema, token, t, 'exchangeToken');
    if (!checked.ok) {
      setError(checked.errors.exchangeToken);
      inputRef.current?.focus();
      return;
    }
    setError(undefined);
    await send(
      () => winbooks().replaceExchangeToken({ id: account.id, exchangeToken: checked.value }),
      ({ account: updated }) => {
        announce(t('form.replaced', { label: updated.label }), 'success');
        onClose();
      },
      (refusal) => {
        const placed = placeRefusal(t, refusal, ['exchangeToken']);
        setError(placed.fieldErrors.exchangeToken);
        setFormError(placed.formError);
        inputRef.current?.focus();
      },
    );
  };

  return (
    <Dialog title={t('form.replaceTitle', { label: account.label })} onClose={onClose} busy={busy}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <p>{t('form.replaceIntro', { email: account.email })}</p>
        <ExchangeTokenField value={token} onChange={setToken} error={error} inputRef={inputRef} disabled={busy} autoFocus />
        <FormError message={formError} />
        <div className="form-actions">
          <CancelButton onCancel={onClose} busy={busy} />
          <BusyButton className="button button-primary" busy={busy} spinner label={t('form.replace')} busyLabel={t('form.replacing')} />
        </div>
      </form>
    </Dialog>
  );
}
