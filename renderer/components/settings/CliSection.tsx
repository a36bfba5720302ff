import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import type { AuditEntry, CliCounters } from '../../../electron/shared/ipc-contract';
import type { Settings, SettingsPatch } from '../../../electron/shared/settings';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useLocale } from '../../hooks/use-locale';
import { createSizeFormatters } from '../../format/size-format';
import { FormError } from '../common/FormError';
import { Switch } from '../common/Switch';
import { SavedMark } from './saved-marks';

/**
 * The command-line switch, the accounts it may serve, and what it was asked. Turning it on or adding an account
 * is confirmed in the app's own dialog: when declined, main answers with the settings unchanged.
 */
export function CliSection({ settings, save }: { settings: Settings; save: (patch: SettingsPatch) => Promise<string | null> }) {
  const { t } = useTranslation();
  const { formatters, locale } = useLocale();
  const sizes = useMemo(() => createSizeFormatters(locale), [locale]);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [counters, setCounters] = useState<CliCounters | null>(null);
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      const { entries: loaded, counters: counted } = await unwrap(winbooks().getCliAudit(undefined));
      setEntries([...loaded].sort((a, b) => b.at - a.at));
      setCounters(counted);
      setAccounts([...(await unwrap(winbooks().listAccounts(undefined))).accounts].sort((a, b) => a.label.localeCompare(b.label)));
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
      <Switch label={t('cli.enabled')} hint={t('cli.enabledHint')} checked={settings.cliEnabled} onChange={(cliEnabled) => save({ cliEnabled })} status={<SavedMark field="cliEnabled" />} />
      <fieldset className="cli-accounts">
        <legend>{t('cli.accountsTitle')}</legend>
        <SavedMark field="cliAccounts" />
        {accounts.length === 0 && <p className="muted">{t('cli.accountsEmpty')}</p>}
        {accounts.map((account) => {
          const allowed = settings.cliAccounts.includes(account.id);
          const toggle = (): Promise<string | null> =>
            save({ cliAccounts: allowed ? settings.cliAccounts.filter((id) => id !== account.id) : [...settings.cliAccounts, account.id] });
          return (
            <label key={account.id} className="checkbox-field">
              <input type="checkbox" checked={allowed} onChange={() => void toggle()} /> {account.label} <span className="muted">({account.email})</span>
            </label>
          );
        })}
      </fieldset>
      {counters !== null && <p className="muted">{t('cli.counters', { refused: counters.refused, unauthenticated: counters.unauthenticated })}</p>}
      <div className="audit-header">
        <h3 id="cli-audit">{t('cli.auditTitle')}</h3>
        <button type="button" className="button button-small" onClick={() => void load()}>
          {t('cli.reload')}
        </button>
      </div>
      <FormError message={error} />
      {entries !== null && entries.length === 0 && <p className="muted">{t('cli.auditEmpty')}</p>}
      {entries !== null && entries.length > 0 && (
        // Scrolls sideways in a narrow window: focusable and named, so the keyboard can scroll it too.
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="cli-audit">
          <table className="audit-table" aria-labelledby="cli-audit">
            <thead>
              <tr>
                <th scope="col">{t('cli.when')}</th>
                <th scope="col">{t('cli.command')}</th>
                <th scope="col">{t('cli.account')}</th>
                <th scope="col">{t('cli.outcome')}</th>
                <th scope="col">{t('cli.source')}</th>
                <th scope="col" className="numeric">{t('cli.size')}</th>
                <th scope="col" className="numeric">{t('cli.duration')}</th>
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
                  <td>{t(entry.source === 'gateway' ? 'cli.sourceGateway' : 'cli.sourceCli')}</td>
                  <td className="numeric">{entry.bytes === undefined ? '—' : sizes.bytes(entry.bytes)}</td>
                  <td className="numeric">{entry.durationMs === undefined ? '—' : sizes.milliseconds(entry.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
