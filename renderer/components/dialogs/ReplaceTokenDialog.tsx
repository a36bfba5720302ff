import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { exchangeTokenSchema } from '../../../electron/shared/account-input';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { validateWith } from '../../forms/field-errors';
import { placeRefusal } from '../../forms/place-refusal';
import { useAnnounce } from '../../hooks/use-announcer';
import { Dialog } from '../common/Dialog';
import { FormField } from '../common/FormField';

/** Pastes a new exchange token (after the grant was renewed); main exchanges it before keeping it. */
export function ReplaceTokenDialog({ account, onClose }: { account: AccountSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
    setBusy(true);
    try {
      const { account: updated } = await unwrap(winbooks().replaceExchangeToken({ id: account.id, exchangeToken: checked.value }));
      announce(t('form.replaced', { label: updated.label }), 'success');
      onClose();
    } catch (failure) {
      setBusy(false);
      const placed = placeRefusal(t, appErrorOf(failure), ['exchangeToken']);
      setError(placed.fieldErrors.exchangeToken);
      setFormError(placed.formError);
      inputRef.current?.focus();
    }
  };

  return (
    <Dialog title={t('form.replaceTitle', { label: account.label })} onClose={onClose} busy={busy}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <p>{t('form.replaceIntro', { email: account.email })}</p>
        <FormField
          label={t('form.exchangeToken')}
          hint={t('form.exchangeTokenHint')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={token}
          onChange={(event) => setToken(event.target.value)}
          error={error}
          inputRef={inputRef}
          disabled={busy}
          required
        />
        {formError !== null && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {busy ? t('form.replacing') : t('form.replace')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
