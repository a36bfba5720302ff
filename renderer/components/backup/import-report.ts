import type { Translate } from '../../i18n/translate';
import type { ImportedAccount, ImportReport } from '../../api/restore-backup';

const KNOWN_REASONS = new Set(['duplicate-account', 'duplicate-label', 'already-present', 'newer-here', 'unreadable']);

function entryOf(item: string | ImportedAccount): ImportedAccount {
  return typeof item === 'string' ? { label: item } : item;
}

/** One sentence per account of the backup: every added, updated and skipped account is named, with why. */
export function importReportLines(t: Translate, report: ImportReport): string[] {
  const lines = [
    ...report.added.map((item) => t('importReport.added', { label: entryOf(item).label })),
    ...report.updated.map((item) => t('importReport.updated', { label: entryOf(item).label })),
    ...report.skipped.map((item) => {
      const code = item.reason !== undefined && KNOWN_REASONS.has(item.reason) ? item.reason : 'unknown';
      return t('importReport.skipped', { label: item.label, reason: t(`importReasons.${code}`, { ...item.params }) });
    }),
  ];
  return lines.length === 0 ? [t('importReport.none')] : lines;
}
