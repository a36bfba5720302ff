import type { AccountSummary } from '../../shared/account-summary';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { DialogTexts } from './dialog-texts';
import type { MainDialogs } from './main-dialogs';

export interface SettingsConfirmationDeps {
  dialogs: MainDialogs;
  texts: () => DialogTexts;
  /** The accounts, to name the ones the command line would serve. */
  accounts: () => AccountSummary[];
}

/**
 * A settings change from the renderer that widens what can reach a token (other API addresses, the command
 * line, more accounts for it) takes effect only once the user said yes in main's own dialog. What is declined is
 * left out of the patch; narrowing needs no question.
 */
export async function confirmWidening(patch: SettingsPatch, previous: Settings, deps: SettingsConfirmationDeps): Promise<SettingsPatch> {
  const result: SettingsPatch = { ...patch };
  const texts = deps.texts();

  if (patch.allowOtherHosts === true && !previous.allowOtherHosts) {
    const answer = await deps.dialogs.confirm({
      title: texts.otherHostsTitle,
      message: texts.otherHostsMessage,
      detail: texts.otherHostsDetail,
      confirmLabel: texts.allowButton,
      cancelLabel: texts.cancel,
    });
    if (!answer.confirmed) delete result.allowOtherHosts;
  }

  const enabling = patch.cliEnabled === true && !previous.cliEnabled;
  const enabledAfter = patch.cliEnabled ?? previous.cliEnabled;
  const wantedIds = patch.cliAccounts ?? previous.cliAccounts;
  const before = new Set(previous.cliAccounts);
  const added = wantedIds.filter((id) => !before.has(id));
  if (enabledAfter && (enabling || added.length > 0)) {
    const labelOf = new Map(deps.accounts().map((account) => [account.id, account.label]));
    const served = (enabling ? wantedIds : added).map((id) => labelOf.get(id) ?? id);
    const answer = await deps.dialogs.confirm({
      title: texts.cliTitle,
      message: enabling ? texts.cliEnableMessage : texts.cliAccountsMessage(served),
      detail: [...(enabling ? [served.map((label) => `• ${label}`).join('\n')] : []), texts.cliDetail].filter((line) => line !== '').join('\n\n'),
      confirmLabel: texts.allowButton,
      cancelLabel: texts.cancel,
    });
    if (!answer.confirmed) {
      delete result.cliEnabled;
      // Removals still apply: only the widening is declined.
      if (patch.cliAccounts !== undefined) result.cliAccounts = patch.cliAccounts.filter((id) => before.has(id));
    }
  }
  return result;
}
