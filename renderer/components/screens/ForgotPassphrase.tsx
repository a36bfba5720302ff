import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { VaultState } from '../../../electron/shared/ipc-contract';
import { winbooks } from '../../api/winbooks-bridge';
import { useBusyRequest } from '../../hooks/use-busy-request';
import { errorText } from '../../i18n/error-text';
import { BusyButton } from '../common/BusyButton';
import { CancelButton } from '../common/CancelButton';
import { Dialog } from '../common/Dialog';
import { FormError } from '../common/FormError';

/**
 * The deliberate way out of a forgotten passphrase: a new, empty account file (createNewVault), only after a
 * confirmation that names what is lost. Nothing is deleted without it.
 */
export function ForgotPassphrase({ onVaultState }: { onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('forgot.open')}
      </button>
      {open && <StartOverDialog onClose={() => setOpen(false)} onVaultState={onVaultState} />}
    </>
  );
}

function StartOverDialog({ onClose, onVaultState }: { onClose: () => void; onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const { busy, send } = useBusyRequest();
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const startOver = async (): Promise<void> => {
    setError(null);
    await send(
      () => winbooks().createNewVault({ confirm: true }),
      (state) => {
        onClose();
        onVaultState(state);
      },
      (refusal) => {
        setError(errorText(t, refusal));
        confirmRef.current?.focus();
      },
    );
  };

  return (
    <Dialog title={t('forgot.title')} onClose={onClose} busy={busy} tone="danger">
      <p>{t('forgot.body')}</p>
      <label className="check">
        <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} autoFocus />
        {t('forgot.understand')}
      </label>
      <FormError message={error} />
      <div className="form-actions">
        <CancelButton onCancel={onClose} busy={busy} />
        <BusyButton ref={confirmRef} type="button" className="button button-danger" busy={busy} disabled={!understood} label={t('forgot.confirm')} busyLabel={t('unlock.creating')} onClick={() => void startOver()} />
      </div>
    </Dialog>
  );
}
