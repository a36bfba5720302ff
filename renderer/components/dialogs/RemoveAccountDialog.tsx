import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { useBusyRequest } from '../../hooks/use-busy-request';
import { BusyButton } from '../common/BusyButton';
import { CancelButton } from '../common/CancelButton';
import { Dialog } from '../common/Dialog';
import { FormError } from '../common/FormError';

/** The confirmation names the account, so removing the wrong one takes two mistakes. */
export function RemoveAccountDialog({ account, onClose, onRemoved }: { account: AccountSummary; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { busy, send } = useBusyRequest();
  const [error, setError] = useState<string | null>(null);

  const remove = (): Promise<void> => {
    setError(null);
    return send(
      () => winbooks().removeAccount({ id: account.id }),
      () => {
        announce(t('remove.done', { label: account.label }), 'success');
        onClose();
        onRemoved();
      },
      // The confirm button kept the focus (aria-disabled while busy): the alert is read, the user can retry or cancel.
      (refusal) => setError(errorText(t, refusal)),
    );
  };

  return (
    <Dialog title={t('remove.title', { label: account.label })} onClose={onClose} busy={busy} tone="danger">
      <p>{t('remove.body', { label: account.label, email: account.email })}</p>
      <FormError message={error} />
      <div className="form-actions">
        <CancelButton onCancel={onClose} busy={busy} autoFocus />
        <BusyButton type="button" className="button button-danger" onClick={() => void remove()} busy={busy} label={t('remove.confirm', { label: account.label })} busyLabel={t('remove.removing')} />
      </div>
    </Dialog>
  );
}
