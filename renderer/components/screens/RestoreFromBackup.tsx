import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { appErrorOf } from '../../api/request';
import { restoreFromBackup } from '../../api/restore-backup';
import type { ImportReport } from '../../api/restore-backup';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { importReportLines } from '../backup/import-report';
import { BusyButton } from '../common/BusyButton';
import { FormError } from '../common/FormError';
import { ImportReportView } from '../backup/ImportReportView';

/** First run on a new computer: bring the accounts back from a backup instead of adding them one by one. */
export function RestoreFromBackup() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const restore = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const restored = await restoreFromBackup();
      setReport(restored);
      // The list replaces this screen once accounts arrive: the report also goes to the status bar, and stays
      // there until dismissed when some account was not imported.
      announce(importReportLines(t, restored).join(' '), restored.skipped.length > 0 ? 'error' : 'success');
    } catch (failure) {
      setError(errorText(t, appErrorOf(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card first-run-restore">
      <h2>{t('firstRun.restoreTitle')}</h2>
      <p>{t('firstRun.restoreIntro')}</p>
      <FormError message={error} />
      {report !== null && <ImportReportView report={report} />}
      <div className="form-actions">
        <BusyButton type="button" busy={busy} label={t('firstRun.restore')} busyLabel={t('firstRun.restoring')} onClick={() => void restore()} />
      </div>
    </div>
  );
}
