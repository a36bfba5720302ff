import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { useLocale } from '../../hooks/use-locale';

export type ActionKind = 'refresh' | 'token' | 'header' | 'auto';

export interface AccountActions {
  copy(account: AccountSummary, format: 'token' | 'header'): Promise<void>;
  refresh(account: AccountSummary): Promise<void>;
  setAutoRefresh(account: AccountSummary, autoRefresh: boolean): Promise<void>;
  busy(accountId: string, kind: ActionKind): boolean;
}

const ActionsContext = createContext<AccountActions | null>(null);

/**
 * The everyday actions on one account, shared by the list, the details pane and the shortcuts. A running action
 * marks its buttons busy (aria-disabled, never disabled: a disabled button drops the keyboard focus to the page).
 */
export function AccountActionsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { formatters } = useLocale();
  const announce = useAnnounce();
  const running = useRef(new Set<string>());
  const [version, setVersion] = useState(0);

  const run = useCallback(
    async (account: AccountSummary, kind: ActionKind, action: () => Promise<void>): Promise<void> => {
      const key = `${account.id}:${kind}`;
      if (running.current.has(key)) return;
      running.current.add(key);
      setVersion((value) => value + 1);
      try {
        await action();
      } catch (error) {
        announce(t('row.actionFailed', { label: account.label, reason: errorText(t, appErrorOf(error)) }), 'error');
      } finally {
        running.current.delete(key);
        setVersion((value) => value + 1);
      }
    },
    [announce, t],
  );

  const value = useMemo<AccountActions>(
    () => ({
      copy: (account, format) =>
        run(account, format, async () => {
          const result = await unwrap(winbooks().copyToken({ id: account.id, format }));
          const validity = formatters.duration((result.expiresAt - Date.now()) / 1000);
          const clears = result.clearsInSeconds > 0 ? t('copy.clears', { delay: formatters.duration(result.clearsInSeconds) }) : t('copy.neverClears');
          announce(`${t(format === 'token' ? 'copy.token' : 'copy.header', { label: account.label, validity })} ${clears}`, 'success');
        }),
      refresh: (account) =>
        run(account, 'refresh', async () => {
          const { account: updated } = await unwrap(winbooks().refreshAccount({ id: account.id }));
          if (updated.accessExpiresAt !== null) {
            announce(t('row.refreshed', { label: updated.label, time: formatters.time(updated.accessExpiresAt, Date.now()) }), 'success');
          }
        }),
      setAutoRefresh: (account, autoRefresh) =>
        run(account, 'auto', async () => {
          await unwrap(winbooks().updateAccount({ id: account.id, patch: { autoRefresh } }));
        }),
      busy: (accountId, kind) => running.current.has(`${accountId}:${kind}`),
    }),
    // `version` makes a new value (and re-renders the buttons) whenever an action starts or ends.
    [announce, formatters, run, t, version],
  );

  return <ActionsContext.Provider value={value}>{children}</ActionsContext.Provider>;
}

export function useAccountActions(): AccountActions {
  const value = useContext(ActionsContext);
  if (value === null) throw new Error('useAccountActions must be used inside <AccountActionsProvider>.');
  return value;
}
