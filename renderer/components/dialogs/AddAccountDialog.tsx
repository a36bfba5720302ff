import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { AccountForm } from '../common/AccountForm';
import { Dialog } from '../common/Dialog';

export function AddAccountDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (account: AccountSummary) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={t('form.addTitle')} onClose={onClose} busy={busy}>
      <AccountForm onAdded={onAdded} onCancel={onClose} onBusyChange={setBusy} />
    </Dialog>
  );
}
