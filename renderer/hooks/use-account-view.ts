import { useSyncExternalStore } from 'react';
import type { AccountSummary } from '../../electron/shared/account-summary';
import { viewOf } from '../state/account-view';
import type { AccountView } from '../state/account-view';
import { pageClock } from './use-now';

/**
 * An account's state as of now. It changes by the clock only when the token expires, so the component
 * subscribes to the ticker but re-renders only when the derived state (a string) changes.
 */
export function useAccountView(account: AccountSummary): AccountView {
  const key = useSyncExternalStore(pageClock.subscribe, () => {
    const view = viewOf(account, pageClock.getSnapshot());
    return `${view.state}|${view.countdownTo ?? ''}`;
  });
  // Recomputed from the same instant the key was taken at, so both agree.
  void key;
  return viewOf(account, pageClock.getSnapshot());
}
