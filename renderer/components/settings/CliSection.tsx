import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../electron/shared/ipc-contract';
import type { Settings, SettingsPatch } from '../../../electron/shared/settings';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useLocale } from '../../hooks/use-locale';
import { FormError } from '../common/FormError';
import { Switch } from '../common/Switch';

/** The command-line socket switch and the list of what the command line asked for. */
export function CliSection({ settings, save }: { settings: Settings; save: (patch: SettingsPatch) => Promise<string | null> }) {
  const { t } = useTranslation();
  const { formatters } = useLocale();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      const { entries: loaded } = await unwrap(winbooks().getCliAudit(undefined));
      setEntries([...loaded].sort((a, b) => b.at - a.at));
      setError(null);
    } catch (failure) {
      setError(errorText(t, appErrorOf(failure)));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card settings-section" aria-labelledby="settings-cli">
      <h2 id="settings-cli">{t('cli.title')}</h2>
      <Switch label={t('cli.enabled')} hint={t('cli.enabledHint')} checked={settings.cliEnabled} onChange={(cliEnabled) => save({ cliEnabled })} />
      <div className="audit-header">
        <h3 id="cli-audit">{t('cli.auditTitle')}</h3>
        <button type="button" className="button button-small" onClick={() => void load()}>
          {t('cli.reload')}
        </button>
      </div>
      <FormError message={error} />
      {entries !== null && entries.length === 0 && <p className="muted">{t('cli.auditEmpty')}</p>}
      {entries !== null && entries.length > 0 && (
        <div className="table-scroll">
          <table className="audit-table" aria-labelledby="cli-audit">
            <thead>
              <tr>
                <th scope="col">{t('cli.when')}</th>
                <th scope="col">{t('cli.command')}</th>
                <th scope="col">{t('cli.account')}</th>
                <th scope="col">{t('cli.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>{formatters.dateTime(entry.at)}</td>
                  <td>
                    <code>{entry.command}</code>
                  </td>
                  <td>{entry.account ?? '—'}</td>
                  <td>{entry.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
