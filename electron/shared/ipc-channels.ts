/**
 * Channel names only, without the schemas: the preload needs nothing else, so it does not bundle zod.
 * ipc-contract.ts checks at compile time that these keys and the contract's are the same.
 */

export const CHANNEL_PREFIX = 'wtm:';

export const CHANNELS = {
  listAccounts: 'wtm:accounts:list',
  addAccount: 'wtm:accounts:add',
  updateAccount: 'wtm:accounts:update',
  replaceExchangeToken: 'wtm:accounts:replace-exchange-token',
  removeAccount: 'wtm:accounts:remove',
  refreshAccount: 'wtm:accounts:refresh',
  refreshAll: 'wtm:accounts:refresh-all',
  copyToken: 'wtm:accounts:copy',
  getSettings: 'wtm:settings:get',
  updateSettings: 'wtm:settings:update',
  getVaultState: 'wtm:vault:state',
  unlockVault: 'wtm:vault:unlock',
  createPassphrase: 'wtm:vault:create-passphrase',
  changePassphrase: 'wtm:vault:change-passphrase',
  addPassphrase: 'wtm:vault:add-passphrase',
  createNewVault: 'wtm:vault:create-new',
  lockVault: 'wtm:vault:lock',
  exportBackup: 'wtm:backup:export',
  importBackup: 'wtm:backup:import',
  getCliAudit: 'wtm:cli:audit',
  getAppInfo: 'wtm:app:info',
  getGatewayState: 'wtm:gateway:state',
  copyGatewayUrl: 'wtm:gateway:copy-url',
  copyPowerQuerySnippet: 'wtm:gateway:copy-power-query',
  rotateGatewayKey: 'wtm:gateway:rotate-key',
  revokeGatewayKey: 'wtm:gateway:revoke-key',
} as const;

/** Pushed from main to the renderer when accounts change. */
export const ACCOUNTS_CHANGED_CHANNEL = 'wtm:event:accounts-changed';
/** Pushed when the vault state changes (locked, unlocked, damaged). */
export const VAULT_STATE_CHANGED_CHANNEL = 'wtm:event:vault-state';
/** Pushed when the settings change (a save from any window, or the widening fields checked once the vault opens). */
export const SETTINGS_CHANGED_CHANNEL = 'wtm:event:settings-changed';
/** Pushed when the tray or a notification asks the window to show one account (payload: its id). */
export const OPEN_ACCOUNT_CHANNEL = 'wtm:event:open-account';
/** Main's passphrase prompt window answers on this channel (its own webContents only; never the app window). */
export const PASSPHRASE_PROMPT_ANSWER_CHANNEL = 'wtm:passphrase-prompt:answer';
/** Pushed when an application menu item asks the window to run one of its shortcuts (payload: the command's name). */
export const MENU_COMMAND_CHANNEL = 'wtm:event:menu-command';
