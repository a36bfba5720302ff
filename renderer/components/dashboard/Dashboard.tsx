import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { useLocale } from '../../hooks/use-locale';
import { attentionCount, visibleAccounts } from '../../state/account-list';
import type { ListQuery } from '../../state/account-list';
import { AddAccountDialog } from '../dialogs/AddAccountDialog';
import { EditAccountDialog } from '../dialogs/EditAccountDialog';
import { RemoveAccountDialog } from '../dialogs/RemoveAccountDialog';
import { ReplaceTokenDialog } from '../dialogs/ReplaceTokenDialog';
import { AccountList } from './AccountList';
import { DashboardToolbar } from './DashboardToolbar';
import type { OpenRowDialog, RowDialog } from './row-actions';

type OpenDialog = { kind: RowDialog; accountId: string } | { kind: 'add' } | null;

export function Dashboard({ accounts }: { accounts: readonly AccountSummary[] }) {
  const { t } = useTranslation();
  const { collator } = useLocale();
  const announce = useAnnounce();
  const [query, setQuery] = useState<ListQuery>({ search: '', sort: 'label', attentionOnly: false });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [refreshingAll, setRefreshingAll] = useState(false);

  const shown = useMemo(() => visibleAccounts(accounts, query, collator), [accounts, query, collator]);
  const attention = useMemo(() => attentionCount(accounts), [accounts]);
  const openRowDialog = useCallback<OpenRowDialog>((kind, accountId) => setDialog({ kind, accountId }), []);
  const closeDialog = useCallback(() => setDialog(null), []);

  const refreshAll = async (): Promise<void> => {
    setRefreshingAll(true);
    try {
      const report = await unwrap(winbooks().refreshAll(undefined));
      const parts = [t('dashboard.refreshAllDone', { count: report.refreshed })];
      if (report.failed.length > 0) {
        parts.push(t('dashboard.refreshAllFailed', { count: report.failed.length, labels: report.failed.map((failure) => failure.label).join(', ') }));
      }
      if (report.skipped > 0) parts.push(t('dashboard.refreshAllSkipped', { count: report.skipped }));
      announce(parts.join(' '), report.failed.length > 0 ? 'error' : 'success');
    } catch (error) {
      announce(errorText(t, appErrorOf(error)), 'error');
    } finally {
      setRefreshingAll(false);
    }
  };

  const dialogAccount = dialog !== null && dialog.kind !== 'add' ? accounts.find((account) => account.id === dialog.accountId) : undefined;

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <header className="dashboard-header">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        <p className="dashboard-counts" data-testid="counts">
          {t('dashboard.count', { count: accounts.length })}
          {attention > 0 && (
            <>
              {' · '}
              <span className="attention-count">{t('dashboard.attention', { count: attention })}</span>
            </>
          )}
          {shown.length !== accounts.length && (
            <>
              {' · '}
              {t('dashboard.showing', { shown: shown.length, total: accounts.length })}
            </>
          )}
        </p>
      </header>
      <DashboardToolbar query={query} onQueryChange={setQuery} onRefreshAll={() => void refreshAll()} refreshingAll={refreshingAll} onAdd={() => setDialog({ kind: 'add' })} />
      {shown.length === 0 ? (
        <p className="empty-state" role="status">
          {query.attentionOnly && query.search.trim() === '' ? t('dashboard.noAttention') : t('dashboard.noMatch')}
        </p>
      ) : (
        <AccountList accounts={shown} onOpenDialog={openRowDialog} />
      )}
      {dialog?.kind === 'add' && (
        <AddAccountDialog
          onClose={closeDialog}
          onAdded={(account) => {
            closeDialog();
            announce(t('form.added', { label: account.label }), 'success');
          }}
        />
      )}
      {dialogAccount !== undefined && dialog?.kind === 'replace' && <ReplaceTokenDialog account={dialogAccount} onClose={closeDialog} />}
      {dialogAccount !== undefined && dialog?.kind === 'edit' && <EditAccountDialog account={dialogAccount} onClose={closeDialog} />}
      {dialogAccount !== undefined && dialog?.kind === 'remove' && <RemoveAccountDialog account={dialogAccount} onClose={closeDialog} />}
    </section>
  );
}
