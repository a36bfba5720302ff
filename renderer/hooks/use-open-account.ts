import { useEffect, useRef } from 'react';

/**
 * Main asks to show one account (a tray attention item, a notification click): the listener hears its id.
 * Subscribed once; the latest listener is used, so callers need not memoize it.
 */
export function useOpenAccountRequests(onOpen: (accountId: string) => void): void {
  const latest = useRef(onOpen);
  latest.current = onOpen;
  useEffect(() => {
    // The browser harness may run without this subscription; the app's preload always has it.
    const subscribe = window.winbooks?.onOpenAccount;
    if (subscribe === undefined) return undefined;
    return subscribe((accountId) => latest.current(accountId));
  }, []);
}

/** Scrolls the account's row into view and moves the keyboard focus to it; false when it is not on the page. */
export function revealAccountRow(accountId: string): boolean {
  const row = document.querySelector<HTMLElement>(`[data-account-id="${CSS.escape(accountId)}"]`);
  if (row === null) return false;
  row.scrollIntoView({ block: 'center' });
  if (!row.hasAttribute('tabindex')) row.setAttribute('tabindex', '-1');
  row.focus();
  return true;
}
