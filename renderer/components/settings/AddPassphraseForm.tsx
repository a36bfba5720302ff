import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../i18n/use-translation';
import type { VaultState } from '../../../electron/shared/ipc-contract';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { useAnnounce } from '../../hooks/use-announcer';
import { useNewPassphrase } from '../../hooks/use-new-passphrase';
import { errorText } from '../../i18n/error-text';
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
  const entry = useNewPassphrase();
  const submitRef = useRef<HTMLButtonElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The fields are disabled while busy: re-enable them now so focus can land on one. */
  const endBusy = (): void => flushSync(() => setBusy(false));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const checked = await entry.check();
    if (!checked.ok) return entry.focus(checked.field);
    setBusy(true);
    try {
      const state = await unwrap(winbooks().addPassphrase({ passphrase: checked.passphrase }));
      entry.clear();
      endBusy();
      announce(t('security.addPassphraseDone'), 'success');
      onVaultState(state);
    } catch (failure) {
      endBusy();
      setFormError(errorText(t, appErrorOf(failure)));
      entry.focus('passphrase');
    }
  };

  return (
    <form className="form passphrase-add" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby="settings-add-passphrase">
      <h3 id="settings-add-passphrase">{t('security.addPassphrase')}</h3>
      <p className="section-intro">{t('security.addPassphraseIntro')}</p>
      <NewPassphraseFields entry={entry} label={t('vaultPassphrase.new')} disabled={busy} required />
      <FormError message={formError} />
      <div className="form-actions">
        <BusyButton ref={submitRef} busy={busy} label={t('security.addPassphraseSubmit')} busyLabel={t('security.addPassphraseBusy')} />
      </div>
    </form>
  );
}
