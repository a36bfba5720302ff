import { useTranslation } from '../../i18n/use-translation';
import type { VaultState } from '../../../electron/shared/ipc-contract';
import { winbooks } from '../../api/winbooks-bridge';
import { useAnnounce } from '../../hooks/use-announcer';
import { useNewPassphraseForm } from '../../hooks/use-new-passphrase-form';
import { BusyButton } from '../common/BusyButton';
import { FormError } from '../common/FormError';
import { NewPassphraseFields } from '../common/NewPassphraseFields';

/**
 * For a vault protected by the system keychain alone: a passphrase on top of it, so the vault can be locked.
 * The keychain still opens it at start; after a lock, only the passphrase does.
 */
export function AddPassphraseForm({ onVaultState }: { onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { entry, busy, formError, submit } = useNewPassphraseForm(
    (passphrase) => winbooks().addPassphrase({ passphrase }),
    (state) => {
      announce(t('security.addPassphraseDone'), 'success');
      onVaultState(state);
    },
  );

  return (
    <form className="form passphrase-add" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby="settings-add-passphrase">
      <h3 id="settings-add-passphrase">{t('security.addPassphrase')}</h3>
      <p className="section-intro">{t('security.addPassphraseIntro')}</p>
      <NewPassphraseFields entry={entry} label={t('vaultPassphrase.new')} disabled={busy} required />
      <FormError message={formError} />
      <div className="form-actions">
        <BusyButton busy={busy} label={t('security.addPassphraseSubmit')} busyLabel={t('security.addPassphraseBusy')} />
      </div>
    </form>
  );
}
