import { useTranslation } from '../../i18n/use-translation';
import type { Ref } from 'react';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { errorText } from '../../i18n/error-text';
import { useAccountView } from '../../hooks/use-account-view';
import { useLocale } from '../../hooks/use-locale';
import { useNow } from '../../hooks/use-now';
import { Switch } from '../common/Switch';
import { useAccountActions } from './account-actions';
import type { ActionKind } from './account-actions';
import { StatePill } from './Badges';
import { Countdown } from './Countdown';
import { GatewayActions } from './GatewayActions';
import { ForAccount } from './ForAccount';
import type { OpenRowDialog } from './row-actions';

interface AccountDetailsProps {
  account: AccountSummary;
  headingRef: Ref<HTMLHeadingElement>;
  onOpenDialog: OpenRowDialog;
  onClose: () => void;
}

/** The selected account in full, with the rarer actions (replace the exchange token, edit, remove, auto-refresh). */
export function AccountDetails({ account, headingRef, onOpenDialog, onClose }: AccountDetailsProps) {
  const { t } = useTranslation();
  const { formatters } = useLocale();
  const now = useNow();
  const view = useAccountView(account);
  const actions = useAccountActions();
  const busy = (kind: ActionKind): boolean => actions.busy(account.id, kind);
  const runUnlessBusy = (kind: ActionKind, action: () => Promise<void>) => () => {
    if (!busy(kind)) void action();
  };

  return (
    <section className="details" aria-labelledby="details-title" data-testid="details">
      <div className="details-head">
        <h2 id="details-title" ref={headingRef} tabIndex={-1}>
          {account.label}
        </h2>
        <button type="button" className="button button-small details-close" onClick={onClose}>
          {t('dashboard.backToList')}
        </button>
      </div>
      <p className="details-email">{account.email}</p>
      <p className="details-host">{t('row.hostTitle', { host: account.host })}</p>
      <div className="details-state">
        <StatePill state={view.state} tone={view.tone} />
        <Countdown expiresAt={view.countdownTo} />
      </div>
      <p className="details-help" data-testid="state-help">
        {t(`stateHelp.${view.state}`)}
      </p>

      <dl className="details-times">
        {view.countdownTo !== null && (
          <div>
            <dt>{t('row.validUntil')}</dt>
            <dd>
              <time dateTime={new Date(view.countdownTo).toISOString()}>{formatters.time(view.countdownTo, now)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('row.lastRefresh')}</dt>
          <dd>{account.lastRefreshAt !== null ? <time dateTime={new Date(account.lastRefreshAt).toISOString()}>{formatters.relative(account.lastRefreshAt, now)}</time> : t('row.never')}</dd>
        </div>
        <div>
          <dt>{t('row.nextRefresh')}</dt>
          <dd data-testid="next-refresh">{account.nextRefreshAt !== null && view.canRefresh ? <time dateTime={new Date(account.nextRefreshAt).toISOString()}>{formatters.relative(account.nextRefreshAt, now)}</time> : t('row.notScheduled')}</dd>
        </div>
      </dl>

      {account.lastError !== null && (
        <p className="details-error" data-testid="last-error">
          <span className="details-error-title">{t('row.lastError')}</span> {errorText(t, account.lastError)}
          {account.failingSince !== null && (
            <>
              {' '}
              ({t('row.failingSince')} {formatters.relative(account.failingSince, now)})
            </>
          )}
        </p>
      )}

      <div className="details-actions" role="group" aria-label={t('row.actionsFor', { label: account.label })}>
        {view.canCopy && (
          <>
            <button type="button" className="button button-primary" aria-disabled={busy('token')} onClick={runUnlessBusy('token', () => actions.copy(account, 'token'))}>
              {t('row.copyToken')}
              <ForAccount label={account.label} />
            </button>
            <button type="button" className="button" aria-disabled={busy('header')} onClick={runUnlessBusy('header', () => actions.copy(account, 'header'))}>
              {t('row.copyHeader')}
              <ForAccount label={account.label} />
            </button>
          </>
        )}
        <GatewayActions account={account} />
        {view.canRefresh && (
          <button type="button" className="button" aria-disabled={busy('refresh')} aria-busy={busy('refresh')} onClick={runUnlessBusy('refresh', () => actions.refresh(account))}>
            {busy('refresh') && <span className="spinner" aria-hidden="true" />}
            {t('row.refreshNow')}
            <ForAccount label={account.label} />
          </button>
        )}
        <button type="button" className={`button${view.canCopy ? '' : ' button-primary'}`} onClick={() => onOpenDialog('replace', account.id)}>
          {t('row.replaceToken')}
          <ForAccount label={account.label} />
        </button>
        <button type="button" className="button" onClick={() => onOpenDialog('edit', account.id)}>
          {t('row.edit')}
          <ForAccount label={account.label} />
        </button>
        <button type="button" className="button button-danger-quiet" onClick={() => onOpenDialog('remove', account.id)}>
          {t('row.remove')}
          <ForAccount label={account.label} />
        </button>
      </div>

      <div className="details-auto">
        <Switch label={`${t('row.autoRefresh')}${t('row.forAccount', { label: account.label })}`} visibleLabel={t('row.autoRefresh')} checked={account.autoRefresh} busy={busy('auto')} onChange={(autoRefresh) => actions.setAutoRefresh(account, autoRefresh)} />
      </div>
    </section>
  );
}
