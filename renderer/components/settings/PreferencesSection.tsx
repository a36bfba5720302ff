import { useId } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { languageSchema } from '../../../electron/shared/settings';
import type { Settings, SettingsPatch } from '../../../electron/shared/settings';
import { Switch } from '../common/Switch';
import { NumberSetting } from './NumberSetting';
import { SavedMark } from './saved-marks';

const LANGUAGES = languageSchema.options;
const AUTOMATIC_LEAD_DEFAULT_SECONDS = 120;

interface PreferencesProps {
  settings: Settings;
  /** Saves a change; resolves to an error sentence, or null when saved. */
  save: (patch: SettingsPatch) => Promise<string | null>;
}

export function PreferencesSection({ settings, save }: PreferencesProps) {
  const { t } = useTranslation();
  const languageId = useId();
  const automaticLead = settings.refreshLeadSeconds === null;

  return (
    <section className="card settings-section" aria-labelledby="settings-preferences">
      <h2 id="settings-preferences">{t('settings.preferences')}</h2>
      <NumberSetting field="clipboardClearSeconds" label={t('settings.clipboardDelay')} hint={t('settings.clipboardDelayHint')} value={settings.clipboardClearSeconds} min={0} max={3600} save={save} />
      <fieldset className="field">
        <legend>{t('settings.refreshLead')}</legend>
        <Switch label={t('settings.refreshLeadAutomatic')} hint={t('settings.refreshLeadAutomaticHint')} checked={automaticLead} onChange={(automatic) => save({ refreshLeadSeconds: automatic ? null : AUTOMATIC_LEAD_DEFAULT_SECONDS })} status={automaticLead ? <SavedMark field="refreshLeadSeconds" /> : undefined} />
        {!automaticLead && settings.refreshLeadSeconds !== null && (
          <NumberSetting field="refreshLeadSeconds" label={t('settings.refreshLeadSeconds')} hint={t('settings.refreshLeadSecondsHint')} value={settings.refreshLeadSeconds} min={30} max={3600} save={save} />
        )}
      </fieldset>
      <Switch label={t('settings.launchAtLogin')} checked={settings.launchAtLogin} onChange={(launchAtLogin) => save({ launchAtLogin })} status={<SavedMark field="launchAtLogin" />} />
      <Switch label={t('settings.startInTray')} hint={t('settings.startInTrayHint')} checked={settings.startInTray} onChange={(startInTray) => save({ startInTray })} status={<SavedMark field="startInTray" />} />
      <div className="field">
        <label htmlFor={languageId}>{t('settings.language')}</label>
        <select
          id={languageId}
          value={settings.language}
          onChange={(event) => {
            const language = LANGUAGES.find((option) => option === event.target.value);
            if (language !== undefined) void save({ language });
          }}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language === 'system' ? undefined : language}>
              {t(`settings.languages.${language}`)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
