import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation';
import type { AccountStatus } from '../../electron/shared/account-summary';
import type { AccountsStore } from '../state/accounts-store';
import { useAnnounce } from './use-announcer';

const WORTH_ANNOUNCING: ReadonlySet<AccountStatus> = new Set(['needs-exchange-token', 'secrets-unreadable', 'retrying']);
const MAX_SEPARATE_ANNOUNCEMENTS = 3;

/** Reads out status changes that matter (an account needing attention, or recovering), not every refresh. */
export function useStatusAnnouncements(store: AccountsStore): void {
  const { t } = useTranslation();
  const announce = useAnnounce();
  useEffect(
    () =>
      store.onStatusTransitions((transitions) => {
        const worth = transitions.filter(({ account, from }) => WORTH_ANNOUNCING.has(account.status) || (WORTH_ANNOUNCING.has(from) && account.status === 'ready'));
        if (worth.length > MAX_SEPARATE_ANNOUNCEMENTS) {
          announce(t('status.manyChanged', { count: worth.length }), 'info');
          return;
        }
        for (const { account } of worth) {
          const tone = account.status === 'ready' ? 'success' : 'error';
          announce(t('status.changed', { label: account.label, status: t(`status.${account.status}`) }), tone);
        }
      }),
    [announce, store, t],
  );
}
