import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AccountSummary } from '../../electron/shared/account-summary';
import { appErrorOf, unwrap } from '../api/request';
import { winbooks } from '../api/winbooks-bridge';
import { AccountsStore } from '../state/accounts-store';
import type { AppErrorShape } from '../../electron/shared/account-summary';

interface AccountsState {
  store: AccountsStore;
  accounts: readonly AccountSummary[];
  loaded: boolean;
  error: AppErrorShape | null;
  reload: () => void;
}

/** Loads the accounts once the vault is open and keeps them current from main's change events. */
export function useAccounts(enabled: boolean): AccountsState {
  const [store] = useState(() => new AccountsStore());
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [attempt, setAttempt] = useState(0);
  const accounts = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => {
    if (!enabled) return undefined;
    let active = true;
    const bridge = winbooks();
    // Subscribe before listing, so a change made meanwhile is not lost.
    const unsubscribe = bridge.onAccountsChanged((event) => store.apply(event));
    unwrap(bridge.listAccounts(undefined)).then(
      ({ accounts: listed }) => {
        if (!active) return;
        store.replaceAll(listed);
        setError(null);
      },
      (failure: unknown) => {
        if (active) setError(appErrorOf(failure));
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [enabled, store, attempt]);

  return { store, accounts, loaded: store.isLoaded(), error, reload: () => setAttempt((value) => value + 1) };
}
