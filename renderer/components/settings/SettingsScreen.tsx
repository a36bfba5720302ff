import { useCallback } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { settingsPatchSchema } from '../../../electron/shared/settings';
import type { Settings, SettingsPatch } from '../../../electron/shared/settings';
import type { ResponseOf, VaultState } from '../../../electron/shared/ipc-contract';
import { hasPassphrase } from '../../../electron/shared/vault-protection';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { BackupSection } from './BackupSection';
import { CliSection } from './CliSection';
import { GatewaySection } from './GatewaySection';
import { PreferencesSection } from './PreferencesSection';
import { LastSavedProvider, useLastSaved } from './saved-marks';
import { SecuritySection } from './SecuritySection';
import { VaultPassphraseSection } from './VaultPassphraseSection';

interface SettingsScreenProps {
  settings: Settings;
  appInfo: ResponseOf<'getAppInfo'>;
  onSettings: (settings: Settings) => void;
  vault: VaultState;
  onVaultState: (state: VaultState) => void;
}

export function SettingsScreen({ settings, appInfo, onSettings, vault, onVaultState }: SettingsScreenProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { lastSaved, markSaved } = useLastSaved();

  /** Saves one change; returns a sentence for the field when main refuses it. */
  const save = useCallback(
    async (patch: SettingsPatch): Promise<string | null> => {
      const checked = settingsPatchSchema.safeParse(patch);
      if (!checked.success) return t('errors.invalid-input');
      try {
        const saved = await unwrap(winbooks().updateSettings(checked.data));
        onSettings(saved);
        // A language change is its own confirmation; a word in the old language would only confuse.
        if (!('language' in checked.data)) {
          markSaved(Object.keys(checked.data).filter((key): key is keyof Settings => key in saved));
          announce(t('settings.savedInline'), 'success', { quiet: true });
        }
        return null;
      } catch (failure) {
        const text = errorText(t, appErrorOf(failure));
        announce(text, 'error');
        return text;
      }
    },
    [announce, markSaved, onSettings, t],
  );

  return (
    <LastSavedProvider value={lastSaved}>
      <section className="settings" aria-labelledby="settings-title">
        <h1 id="settings-title">{t('settings.title')}</h1>
        <PreferencesSection settings={settings} save={save} />
        <SecuritySection settings={settings} save={save} vault={vault} onVaultState={onVaultState} />
        {hasPassphrase(vault.protection) && <VaultPassphraseSection onVaultState={onVaultState} />}
        <BackupSection />
        <CliSection settings={settings} save={save} />
        <GatewaySection settings={settings} save={save} />
        <p className="about muted">{t('settings.about', { version: appInfo.version, platform: appInfo.platform })}</p>
      </section>
    </LastSavedProvider>
  );
}
