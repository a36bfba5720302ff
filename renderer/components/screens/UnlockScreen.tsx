import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { VaultState } from '../../../electron/shared/ipc-contract';
import { hasPassphrase } from '../../../electron/shared/vault-protection';
import { winbooks } from '../../api/winbooks-bridge';
import { useBusyRequest } from '../../hooks/use-busy-request';
import { useNewPassphraseForm } from '../../hooks/use-new-passphrase-form';
import { errorText } from '../../i18n/error-text';
import { BusyButton } from '../common/BusyButton';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { NewPassphraseFields } from '../common/NewPassphraseFields';
import { ForgotPassphrase } from './ForgotPassphrase';

/** The vault needs a passphrase (no OS key store), is locked, or its file was damaged. */
export function UnlockScreen({ vault, onVaultState }: { vault: VaultState; onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  return (
    <section className="unlock" aria-labelledby="unlock-title">
      <div className="card unlock-card">
        {vault.state === 'locked' && <UnlockForm vault={vault} onVaultState={onVaultState} />}
        {vault.state === 'setup' && <CreatePassphraseForm vault={vault} onVaultState={onVaultState} />}
        {vault.state === 'damaged' && <DamagedVault vault={vault} onVaultState={onVaultState} />}
        {vault.state === 'open' && <p>{t('app.loading')}</p>}
      </div>
    </section>
  );
}

function Reason({ vault }: { vault: VaultState }) {
  const { t } = useTranslation();
  return (
    <div className="reason">
      <p>{t(hasPassphrase(vault.protection) ? 'unlock.whyPassphrase' : 'unlock.whyGeneric')}</p>
    </div>
  );
}

function UnlockForm({ vault, onVaultState }: { vault: VaultState; onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const { busy, send } = useBusyRequest();
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (passphrase === '') {
      setError(t('validation.passphrase.required'));
      inputRef.current?.focus();
      return;
    }
    await send(() => winbooks().unlockVault({ passphrase }), onVaultState, (refusal) => {
      setError(refusal.code === 'invalid-input' && refusal.field === 'passphrase' ? t('unlock.wrongPassphrase') : errorText(t, refusal));
      inputRef.current?.focus();
    });
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h1 id="unlock-title">{t('unlock.lockedTitle')}</h1>
      <Reason vault={vault} />
      <FormField label={t('unlock.passphrase')} type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(event) => setPassphrase(event.target.value)} error={error} inputRef={inputRef} disabled={busy} required />
      <div className="form-actions">
        <BusyButton className="button button-primary" busy={busy} label={t('unlock.unlock')} busyLabel={t('unlock.unlocking')} />
      </div>
      <ForgotPassphrase onVaultState={onVaultState} />
    </form>
  );
}

function CreatePassphraseForm({ vault, onVaultState }: { vault: VaultState; onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  const { entry, busy, formError, submit } = useNewPassphraseForm((passphrase) => winbooks().createPassphrase({ passphrase }), onVaultState);

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h1 id="unlock-title">{t('unlock.setupTitle')}</h1>
      <Reason vault={vault} />
      <NewPassphraseFields entry={entry} label={t('unlock.newPassphrase')} disabled={busy} autoFocus required />
      <FormError message={formError} />
      <div className="form-actions">
        <BusyButton className="button button-primary" busy={busy} label={t('unlock.create')} busyLabel={t('unlock.creating')} />
      </div>
    </form>
  );
}

function DamagedVault({ vault, onVaultState }: { vault: VaultState; onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { busy, send } = useBusyRequest();

  const startNew = (): Promise<void> => send(() => winbooks().createNewVault({ confirm: true }), onVaultState, (refusal) => setError(errorText(t, refusal)));

  return (
    <div className="form">
      <h1 id="unlock-title">{t('unlock.damagedTitle')}</h1>
      {vault.keptAsidePath !== null && <p>{t('unlock.keptAside', { path: vault.keptAsidePath })}</p>}
      <label className="check">
        <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
        {t('unlock.understand')}
      </label>
      <FormError message={error} />
      <div className="form-actions">
        <button type="button" className="button button-danger" disabled={!understood || busy} onClick={() => void startNew()}>
          {t('unlock.startNew')}
        </button>
      </div>
    </div>
  );
}
