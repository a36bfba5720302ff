import { useState } from 'react';
import type { Translate } from '../../i18n/translate';
import { useTranslation } from '../../i18n/use-translation';
import type { BackupImportResult, ImportEntry } from '../../../electron/shared/backup-report';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { FormError } from '../common/FormError';

/**
 * Export and import of the encrypted backup. The window only asks: the app's own dialogs take the passphrases
 * and the file, and the window gets back where and how many, never the backup itself.
 */
export function BackupSection() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<Extract<BackupImportResult, { outcome: 'imported' }> | null>(null);

  const run = async (kind: 'export' | 'import'): Promise<void> => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'export') {
        const result = await unwrap(winbooks().exportBackup(undefined));
        if (result.outcome === 'exported') announce(t('backup.exported', { count: result.accounts, file: result.path }), 'success');
      } else {
        const result = await unwrap(winbooks().importBackup(undefined));
        if (result.outcome === 'imported') {
          setReport(result);
          announce(`${t('backup.added', { count: result.added.length })} ${t('backup.updated', { count: result.updated.length })}`, 'success');
        }
      }
    } catch (failure) {
      setError(errorText(t, appErrorOf(failure)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p className="section-intro">{t('backup.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy !== null} aria-busy={busy === 'export'} onClick={() => void run('export')}>
          {busy === 'export' ? t('backup.exporting') : t('backup.export')}
        </button>
        <button type="button" className="button" disabled={busy !== null} aria-busy={busy === 'import'} onClick={() => void run('import')}>
          {busy === 'import' ? t('backup.importing') : t('backup.import')}
        </button>
      </div>
      <FormError message={error} />
      {report !== null && (
        <div className="import-result" aria-labelledby="import-report">
          <h3 id="import-report">{t('backup.reportTitle', { file: report.path })}</h3>
          <ul>
            {[...report.added, ...report.updated, ...report.skipped].map((entry, index) => (
              <li key={`${entry.label}-${index}`}>{importLine(t, entry)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** One account of the import report, from its reason code: the words are the window's, in its language. */
export function importLine(t: Translate, entry: ImportEntry): string {
  return t(`backup.reason.${entry.reason}`, { label: entry.label, ...entry.params });
}
