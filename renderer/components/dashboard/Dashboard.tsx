import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { useLocale } from '../../hooks/use-locale';
import { useExpiryTick } from '../../hooks/use-expiry-tick';
import { attentionCount, visibleAccounts } from '../../state/account-list';
import type { ListQuery } from '../../state/account-list';
import { viewOf } from '../../state/account-view';
import { AccountActionsProvider, useAccountActions } from './account-actions';
import { AccountDetails } from './AccountDetails';
import { AccountGrid } from './AccountGrid';
import { DashboardToolbar } from './DashboardToolbar';
import type { OpenRowDialog, RowDialog } from './row-actions';
import { useShortcuts } from './use-shortcuts';

// The dialogs (and the form validation they carry) load when first opened, not with the window.
const AddAccountDialog = lazy(() => import('../dialogs/AddAccountDialog').then((module) => ({ default: module.AddAccountDialog })));
const EditAccountDialog = lazy(() => import('../dialogs/EditAccountDialog').then((module) => ({ default: module.EditAccountDialog })));
const RemoveAccountDialog = lazy(() => import('../dialogs/RemoveAccountDialog').then((module) => ({ default: module.RemoveAccountDialog })));
const ReplaceTokenDialog = lazy(() => import('../dialogs/ReplaceTokenDialog').then((module) => ({ default: module.ReplaceTokenDialog })));
const ShortcutsDialog = lazy(() => import('../dialogs/ShortcutsDialog').then((module) => ({ default: module.ShortcutsDialog })));

type OpenDialog = { kind: RowDialog; accountId: string } | { kind: 'add' } | { kind: 'shortcuts' } | null;

interface DashboardProps {
  accounts: readonly AccountSummary[];
  onLock: () => void;
  /** An account to select (the tray or a notification asked for it). */
  focusAccountId?: string | null;
}

export function Dashboard(props: DashboardProps) {
  return (
    <AccountActionsProvider>
      <DashboardView {...props} />
    </AccountActionsProvider>
  );
}

function DashboardView({ accounts, onLock }: DashboardProps) {
  const { t } = useTranslation();
  const { collator } = useLocale();
  const announce = useAnnounce();
  const actions = useAccountActions();
  const [query, setQuery] = useState<ListQuery>({ search: '', sort: 'label', attentionOnly: false });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [refreshingAll, setRefreshingAll] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const detailsHeadingRef = useRef<HTMLHeadingElement>(null);
  // States change by the clock when a token expires: recount then, not every second.
  const expiryTick = useExpiryTick(accounts);

  const shown = useMemo(() => visibleAccounts(accounts, query, collator, expiryTick), [accounts, query, collator, expiryTick]);
  const attention = useMemo(() => attentionCount(accounts, expiryTick), [accounts, expiryTick]);
  const selected = shown.find((account) => account.id === selectedId) ?? shown[0];
  const effectiveSelectedId = selected?.id ?? null;

  const openRowDialog = useCallback<OpenRowDialog>((kind, accountId) => setDialog({ kind, accountId }), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  const focusSelectedRow = useCallback(() => {
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="row"][aria-selected="true"]')?.focus());
  }, []);
  const openDetails = useCallback((id: string) => {
    setSelectedId(id);
    setDetailsOpen(true);
    requestAnimationFrame(() => detailsHeadingRef.current?.focus());
  }, []);
  // An added account may reach the list after the add's answer (its change event comes on its own): focus its
  // row once it is there, not before (the dialog would otherwise hand focus back to the row that opened it).
  const [focusWhenShown, setFocusWhenShown] = useState<string | null>(null);
  useEffect(() => {
    if (focusWhenShown === null || !shown.some((account) => account.id === focusWhenShown)) return;
    setFocusWhenShown(null);
    focusSelectedRow();
  }, [focusWhenShown, shown, focusSelectedRow]);
  const closeDetails = useCallback(() => {
    setDetailsOpen(false);
    focusSelectedRow();
  }, [focusSelectedRow]);

  useEffect(() => {
    if (!detailsOpen) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && document.querySelector('dialog[open]') === null) closeDetails();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [detailsOpen, closeDetails]);

  const withSelected = (action: (account: AccountSummary) => void) => () => {
    if (selected !== undefined) action(selected);
  };
  useShortcuts({
    copyToken: withSelected((account) => viewOf(account, Date.now()).canCopy && void actions.copy(account, 'token')),
    copyHeader: withSelected((account) => viewOf(account, Date.now()).canCopy && void actions.copy(account, 'header')),
    refresh: withSelected((account) => viewOf(account, Date.now()).canRefresh && void actions.refresh(account)),
    search: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    add: () => setDialog({ kind: 'add' }),
    lock: onLock,
    help: () => setDialog({ kind: 'shortcuts' }),
  });

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

  const dialogAccount = dialog !== null && 'accountId' in dialog ? accounts.find((account) => account.id === dialog.accountId) : undefined;

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" data-details-open={detailsOpen}>
      <DashboardToolbar
        title={t('dashboard.title')}
        counts={
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
        }
        query={query}
        onQueryChange={setQuery}
        searchRef={searchRef}
        onRefreshAll={() => void refreshAll()}
        refreshingAll={refreshingAll}
        onAdd={() => setDialog({ kind: 'add' })}
        onShortcuts={() => setDialog({ kind: 'shortcuts' })}
      />
      <div className="dashboard-body">
        <div className="dashboard-list">
          {shown.length === 0 ? (
            <p className="empty-state" data-focus-home tabIndex={-1}>
              {query.attentionOnly && query.search.trim() === '' ? t('dashboard.noAttention') : t('dashboard.noMatch')}
            </p>
          ) : (
            <AccountGrid accounts={shown} selectedId={effectiveSelectedId} onSelect={setSelectedId} onOpen={openDetails} />
          )}
        </div>
        <div className="dashboard-details">
          {selected !== undefined ? <AccountDetails account={selected} headingRef={detailsHeadingRef} onOpenDialog={openRowDialog} onClose={closeDetails} /> : <p className="muted">{t('dashboard.noSelection')}</p>}
        </div>
      </div>
      <Suspense fallback={null}>
        {dialog?.kind === 'add' && (
          <AddAccountDialog
            onClose={closeDialog}
            onAdded={(account) => {
              closeDialog();
              setSelectedId(account.id);
              setFocusWhenShown(account.id);
              announce(t('form.added', { label: account.label }), 'success');
            }}
          />
        )}
        {dialog?.kind === 'shortcuts' && <ShortcutsDialog onClose={closeDialog} />}
        {dialogAccount !== undefined && dialog?.kind === 'replace' && <ReplaceTokenDialog account={dialogAccount} onClose={closeDialog} />}
        {dialogAccount !== undefined && dialog?.kind === 'edit' && <EditAccountDialog account={dialogAccount} onClose={closeDialog} />}
        {dialogAccount !== undefined && dialog?.kind === 'remove' && (
          <RemoveAccountDialog
            account={dialogAccount}
            onClose={closeDialog}
            onRemoved={() => {
              const index = shown.findIndex((account) => account.id === dialogAccount.id);
              const neighbour = shown[index + 1] ?? shown[index - 1];
              setSelectedId(neighbour?.id ?? null);
              setDetailsOpen(false);
              focusSelectedRow();
            }}
          />
        )}
      </Suspense>
    </section>
  );
}
