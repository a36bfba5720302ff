import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { VaultState } from '../../../electron/shared/ipc-contract';
import { hasPassphrase } from '../../../electron/shared/vault-protection';
import type { Settings, SettingsPatch } from '../../../electron/shared/settings';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { FormError } from '../common/FormError';
import { Switch } from '../common/Switch';
import { AddPassphraseForm } from './AddPassphraseForm';
import { SavedMark } from './saved-marks';

const AUTO_LOCK_CHOICES = [null, 1, 5, 15, 30, 60, 240] as const;

/**
 * Where tokens may go (other API addresses, confirmed by main when turned on) and when the vault locks.
 * Lock needs a passphrase; a keychain-only vault is offered one on top of the keychain (AddPassphraseForm).
 */
export function SecuritySection({ settings, save, vault, onVaultState }: { settings: Settings; save: (patch: SettingsPatch) => Promise<string | null>; vault: VaultState; onVaultState: (state: VaultState) => void }) {
  const { t } = useTranslation();
  const selectId = useId();
  const [error, setError] = useState<string | null>(null);
  const lockable = hasPassphrase(vault.protection);

  const lockNow = async (): Promise<void> => {
    try {
      onVaultState(await unwrap(winbooks().lockVault(undefined)));
    } catch (failure) {
      setError(errorText(t, appErrorOf(failure)));
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-security">
      <h2 id="settings-security">{t('security.title')}</h2>
      <Switch label={t('security.otherHosts')} hint={t('security.otherHostsHint')} checked={settings.allowOtherHosts} onChange={(allowOtherHosts) => save({ allowOtherHosts })} status={<SavedMark field="allowOtherHosts" />} />
      <div className="form-field">
        <label htmlFor={selectId}>{t('security.autoLock')}</label>
        <div className="field-line">
          <select
            id={selectId}
            value={settings.autoLockMinutes === null ? 'never' : String(settings.autoLockMinutes)}
            aria-describedby={`${selectId}-hint`}
            onChange={(event) => void save({ autoLockMinutes: event.target.value === 'never' ? null : Number(event.target.value) })}
          >
            {AUTO_LOCK_CHOICES.map((minutes) => (
              <option key={String(minutes)} value={minutes === null ? 'never' : String(minutes)}>
                {minutes === null ? t('security.autoLockNever') : t('security.autoLockMinutes', { count: minutes })}
              </option>
            ))}
          </select>
          <SavedMark field="autoLockMinutes" />
        </div>
        <p id={`${selectId}-hint`} className="field-hint">
          {t('security.autoLockHint')}
        </p>
      </div>
      <FormError message={error} />
      {lockable ? (
        <button type="button" className="button" onClick={() => void lockNow()}>
          {t('security.lockNow')}
        </button>
      ) : (
        vault.protection === 'os-keychain' && <AddPassphraseForm onVaultState={onVaultState} />
      )}
    </section>
  );
}
