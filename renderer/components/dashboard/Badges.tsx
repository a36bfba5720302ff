import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../../electron/shared/account-summary';
import type { HostKind } from '../../../electron/shared/account-input';

export function HostBadge({ kind, host }: { kind: HostKind; host: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-host badge-${kind}`} title={t('row.hostTitle', { host })}>
      {t(`host.${kind}`)}
      <span className="visually-hidden">{t('row.hostTitle', { host })}</span>
    </span>
  );
}

const STATUS_TONE: Record<AccountStatus, 'ok' | 'busy' | 'warn' | 'danger' | 'muted'> = {
  ready: 'ok',
  refreshing: 'busy',
  retrying: 'warn',
  'needs-exchange-token': 'danger',
  'auto-refresh-off': 'muted',
  'secrets-unreadable': 'danger',
};

export function StatusPill({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill-${STATUS_TONE[status]}`} data-testid="status" data-status={status}>
      <span className="pill-dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}
