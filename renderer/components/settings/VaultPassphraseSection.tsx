import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AppErrorShape } from '../../../electron/shared/account-summary';
import type { VaultState } from '../../../electron/shared/ipc-contract';
import { winbooks } from '../../api/winbooks-bridge';
import { useAnnounce } from '../../hooks/use-announcer';
import { useBusyRequest } from '../../hooks/use-busy-request';
import { useNewPassphrase } from '../../hooks/use-new-passphrase';
import { errorText } from '../../i18n/error-text';
import { BusyButton } from '../common/BusyButton';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { NewPassphraseFields } from '../common/NewPassphraseFields';

/** The vault names the field it checked ('current'); 'passphrase' is the name other passphrase checks use. */
function isWrongCurrentPassphrase(refusal: AppErrorShape): boolean {
  return refusal.code === 'invalid-input' && (refusal.field === 'current' || refusal.field === 'passphrase');
}

/** Changes the passphrase that protects the accounts; only for a vault protected by a passphrase. */
export function VaultPassphraseSection({ onVaultState }: { onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const entry = useNewPassphrase();
  const currentRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [current, setCurrent] = useState('');
  const [currentError, setCurrentError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const { busy, send } = useBusyRequest();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const currentMissing = current === '';
    setCurrentError(currentMissing ? t('validation.passphrase.required') : undefined);
    const checked = await entry.check();
    if (currentMissing) return currentRef.current?.focus();
    if (!checked.ok) return entry.focus(checked.field);
    await send(
      () => winbooks().changePassphrase({ current, next: checked.passphrase }),
      (state) => {
        setCurrent('');
        entry.clear();
        onVaultState(state);
        announce(t('vaultPassphrase.changed'), 'success');
        submitRef.current?.focus();
      },
      (refusal) => {
        if (isWrongCurrentPassphrase(refusal)) {
          setCurrentError(t('unlock.wrongPassphrase'));
          currentRef.current?.focus();
          currentRef.current?.select();
        } else {
          setFormError(errorText(t, refusal));
        }
      },
    );
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-vault-passphrase">
      <h2 id="settings-vault-passphrase">{t('vaultPassphrase.title')}</h2>
      <p className="section-intro">{t('vaultPassphrase.intro')}</p>
      <form className="form passphrase-change" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <FormField label={t('vaultPassphrase.current')} type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} error={currentError} inputRef={currentRef} disabled={busy} required />
        <NewPassphraseFields entry={entry} label={t('vaultPassphrase.new')} disabled={busy} required />
        <FormError message={formError} />
        <div className="form-actions">
          <BusyButton ref={submitRef} busy={busy} label={t('vaultPassphrase.change')} busyLabel={t('vaultPassphrase.changing')} />
        </div>
      </form>
    </section>
  );
}
