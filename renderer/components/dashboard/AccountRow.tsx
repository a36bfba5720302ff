import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { useLocale } from '../../hooks/use-locale';
import { needsAttention } from '../../state/account-list';
import { Switch } from '../common/Switch';
import { HostBadge, StatusPill } from './Badges';
import { Countdown } from './Countdown';
import { GatewayActions } from './GatewayActions';
import { RelativeTime } from './RelativeTime';
import type { OpenRowDialog } from './row-actions';

interface AccountRowProps {
  account: AccountSummary;
  position: number;
  total: number;
  onOpenDialog: OpenRowDialog;
}

type Busy = 'refresh' | 'token' | 'header' | 'auto' | null;

/** One account. Memoized: it re-renders only when its summary object changes (the store keeps equal ones). */
export const AccountRow = memo(function AccountRow({ account, position, total, onOpenDialog }: AccountRowProps) {
  const { t } = useTranslation();
  const { formatters } = useLocale();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<Busy>(null);
  const attention = needsAttention(account);
  const titleId = `account-${account.id}-title`;

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<void>): Promise<void> => {
    setBusy(kind);
    try {
      await action();
    } catch (error) {
      announce(t('row.actionFailed', { label: account.label, reason: errorText(t, appErrorOf(error)) }), 'error');
    } finally {
      setBusy(null);
    }
  };

  const refresh = (): Promise<void> =>
    run('refresh', async () => {
      const { account: updated } = await unwrap(winbooks().refreshAccount({ id: account.id }));
      if (updated.accessExpiresAt !== null) {
        announce(t('row.refreshed', { label: updated.label, time: formatters.time(updated.accessExpiresAt, Date.now()) }), 'success');
      }
    });

  const copy = (format: 'token' | 'header'): Promise<void> =>
    run(format, async () => {
      const result = await unwrap(winbooks().copyToken({ id: account.id, format }));
      const validity = formatters.duration((result.expiresAt - Date.now()) / 1000);
      const clears = result.clearsInSeconds > 0 ? t('copy.clears', { delay: formatters.duration(result.clearsInSeconds) }) : t('copy.neverClears');
      announce(`${t(format === 'token' ? 'copy.token' : 'copy.header', { label: account.label, validity })} ${clears}`, 'success');
    });

  const setAutoRefresh = (autoRefresh: boolean): Promise<void> =>
    run('auto', async () => {
      await unwrap(winbooks().updateAccount({ id: account.id, patch: { autoRefresh } }));
    });

  const canCopy = account.status !== 'secrets-unreadable';

  return (
    <article
      className={`account-row${attention ? ' account-row-attention' : ''}`}
      role="listitem"
      aria-setsize={total}
      aria-posinset={position}
      aria-labelledby={titleId}
      data-testid="account-row"
      data-account-id={account.id}
      data-status={account.status}
    >
      <div className="row-identity">
        <h3 id={titleId} className="row-label">
          {account.label}
        </h3>
        <HostBadge kind={account.hostKind} host={account.host} />
        <p className="row-email">{account.email}</p>
      </div>

      <div className="row-status">
        <StatusPill status={account.status} />
        <Countdown expiresAt={account.accessExpiresAt} issuedAt={account.accessIssuedAt} />
      </div>

      <dl className="row-times">
        <div>
          <dt>{t('row.lastRefresh')}</dt>
          <dd>{account.lastRefreshAt !== null ? <RelativeTime at={account.lastRefreshAt} /> : t('row.never')}</dd>
        </div>
        <div>
          <dt>{t('row.nextRefresh')}</dt>
          <dd data-testid="next-refresh">{account.nextRefreshAt !== null ? <RelativeTime at={account.nextRefreshAt} /> : t('row.notScheduled')}</dd>
        </div>
      </dl>

      <div className="row-auto">
        <Switch label={t('row.autoRefresh')} checked={account.autoRefresh} disabled={busy === 'auto'} onChange={setAutoRefresh} />
      </div>

      {account.lastError !== null && (
        <p className="row-error" data-testid="last-error">
          <span className="row-error-title">{t('row.lastError')}</span> {errorText(t, account.lastError)}
          {account.failingSince !== null && (
            <>
              {' '}
              <span className="row-error-since">
                ({t('row.failingSince')} <RelativeTime at={account.failingSince} />)
              </span>
            </>
          )}
        </p>
      )}

      <div className="row-actions" role="group" aria-label={t('row.actionsFor', { label: account.label })}>
        <button type="button" className="button button-small" onClick={() => void refresh()} disabled={busy !== null} aria-busy={busy === 'refresh'}>
          {busy === 'refresh' && <span className="spinner" aria-hidden="true" />}
          {t('row.refreshNow')}
        </button>
        <button type="button" className="button button-small" onClick={() => void copy('token')} disabled={busy !== null || !canCopy}>
          {t('row.copyToken')}
        </button>
        <button type="button" className="button button-small" onClick={() => void copy('header')} disabled={busy !== null || !canCopy}>
          {t('row.copyHeader')}
        </button>
        <GatewayActions account={account} />
        <button type="button" className={`button button-small${account.status === 'needs-exchange-token' ? ' button-primary' : ''}`} onClick={() => onOpenDialog('replace', account.id)}>
          {t('row.replaceToken')}
        </button>
        <button type="button" className="button button-small" onClick={() => onOpenDialog('edit', account.id)}>
          {t('row.edit')}
        </button>
        <button type="button" className="button button-small button-danger-quiet" onClick={() => onOpenDialog('remove', account.id)}>
          {t('row.remove')}
        </button>
      </div>
    </article>
  );
});
