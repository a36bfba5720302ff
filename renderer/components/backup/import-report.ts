import type { Translation } from '../../i18n/locales/en';
import type { Translate } from '../../i18n/translate';
import type { ImportedAccount, ImportReport } from '../../api/restore-backup';

type ImportReason = keyof Translation['importReasons'];
const KNOWN_REASONS: ReadonlySet<string> = new Set<ImportReason>(['duplicate-account', 'duplicate-label', 'already-present', 'newer-here', 'unreadable']);

function isKnownReason(reason: string | undefined): reason is ImportReason {
  return reason !== undefined && KNOWN_REASONS.has(reason);
}

function entryOf(item: string | ImportedAccount): ImportedAccount {
  return typeof item === 'string' ? { label: item } : item;
}

/** One sentence per account of the backup: every added, updated and skipped account is named, with why. */
export function importReportLines(t: Translate, report: ImportReport): string[] {
  const lines = [
    ...report.added.map((item) => t('importReport.added', { label: entryOf(item).label })),
    ...report.updated.map((item) => t('importReport.updated', { label: entryOf(item).label })),
    ...report.skipped.map((item) => {
      const code = isKnownReason(item.reason) ? item.reason : 'unknown';
      return t('importReport.skipped', { label: item.label, reason: t(`importReasons.${code}`, { ...item.params }) });
    }),
  ];
  return lines.length === 0 ? [t('importReport.none')] : lines;
}
