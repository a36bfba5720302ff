import { useTranslation } from '../../i18n/use-translation';
import type { ImportReport } from '../../api/restore-backup';
import { importReportLines } from './import-report';

/** What an import did, account by account. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="import-report" aria-labelledby="import-report-title" data-testid="import-report">
      <h3 id="import-report-title" tabIndex={-1}>
        {t('importReport.title')}
      </h3>
      <ul>
        {importReportLines(t, report).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
