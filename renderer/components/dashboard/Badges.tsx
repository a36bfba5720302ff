import { useTranslation } from '../../i18n/use-translation';
import type { AccountState, StateTone } from '../../state/account-view';

/** Shown only for a host other than the production base: the exception is what is worth seeing. */
export function HostBadge({ kind, host }: { kind: 'production' | 'legacy' | 'custom'; host: string }) {
  const { t } = useTranslation();
  if (kind === 'production') return null;
  return (
    <span className={`badge badge-host badge-${kind}`} title={t('row.hostTitle', { host })}>
      {t(`host.${kind}`)}
    </span>
  );
}

export function StatePill({ state, tone }: { state: AccountState; tone: StateTone }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill-${tone}`} data-testid="status" data-state={state}>
      <span className="pill-dot" aria-hidden="true" />
      {t(`status.${state}`)}
    </span>
  );
}
