import { wordedErrorOf } from '../core/app/main-texts';
import type { MainTexts, TrayFailedAction } from '../core/app/main-texts';
import type { Notifier } from '../core/app/notices';
import type { TrayAction } from '../core/app/tray-menu-model';
import type { AppApi } from '../shared/ipc-contract';

/** What each tray menu item does. Copies go through the app API, like copies from the window. */
export function trayActionHandler(deps: {
  api: AppApi;
  showWindow: (accountId?: string) => void;
  quit: () => void;
  notifier: Notifier;
  /** Read at each failure, so a language change applies to the next notice. */
  texts: () => MainTexts;
}): (action: TrayAction) => void {
  const reportFailure = (what: TrayFailedAction, accountId?: string) => (error: unknown): void => {
    const texts = deps.texts();
    const body = texts.errorText(wordedErrorOf(error));
    deps.notifier.notify({ title: texts.trayActionFailed(what), body, ...(accountId === undefined ? {} : { accountId }) });
  };
  return (action) => {
    switch (action.type) {
      case 'copy':
        deps.api.copyToken({ id: action.accountId, format: action.format }).catch(reportFailure('copy', action.accountId));
        return;
      case 'refresh':
        deps.api.refreshAccount({ id: action.accountId }).catch(reportFailure('refresh', action.accountId));
        return;
      case 'refresh-all':
        deps.api.refreshAll(undefined).catch(reportFailure('refresh-all'));
        return;
      case 'open':
        deps.showWindow(action.accountId);
        return;
      case 'lock':
        deps.api.lockVault(undefined).catch(reportFailure('lock'));
        return;
      case 'quit':
        deps.quit();
        return;
    }
  };
}
