import { useEffect } from 'react';

/**
 * Where focus goes when the control that had it vanished or was disabled: the selected row; else the open account's
 * heading (a narrow window shows the details instead of the list); else the page heading.
 */
export const FOCUS_HOME_SELECTORS = ['[role="row"][aria-selected="true"]', '#details-title', '[data-focus-home]', 'main h1'];

function rescue(): void {
  if (document.activeElement !== null && document.activeElement !== document.body) return;
  if (document.querySelector('dialog[open]') !== null) return;
  for (const selector of FOCUS_HOME_SELECTORS) {
    const home = document.querySelector<HTMLElement>(selector);
    if (home === null) continue;
    if (home.tabIndex < 0 && !home.hasAttribute('tabindex')) home.tabIndex = -1;
    home.focus({ preventScroll: false });
    return;
  }
}

/**
 * A safety net under every action: when the focused control disappears (a removed account, a dismissed message)
 * or focus otherwise falls to the page body, it goes back to the selected row or the screen's heading, so a
 * keyboard user never starts over from the top. Actions still place focus deliberately first; this only catches
 * what they could not.
 */
export function useFocusRescue(): void {
  useEffect(() => {
    let scheduled = false;
    const schedule = (): void => {
      if (scheduled) return;
      scheduled = true;
      window.setTimeout(() => {
        scheduled = false;
        rescue();
      }, 0);
    };
    const onFocusOut = (event: FocusEvent): void => {
      if (event.relatedTarget === null) schedule();
    };
    const observer = new MutationObserver(() => {
      if (document.activeElement === document.body) schedule();
    });
    document.addEventListener('focusout', onFocusOut);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusout', onFocusOut);
      observer.disconnect();
    };
  }, []);
}
