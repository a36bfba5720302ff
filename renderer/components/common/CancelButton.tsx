import { useTranslation } from '../../i18n/use-translation';

/** Closes a form or dialog without acting; unavailable while the action runs. */
export function CancelButton({ onCancel, busy, autoFocus = false }: { onCancel: () => void; busy: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button" onClick={onCancel} disabled={busy} autoFocus={autoFocus}>
      {t('common.cancel')}
    </button>
  );
}
