import { z } from 'zod';
import { accountIdSchema, accountPatchSchema, exchangeTokenSchema, newAccountSchema } from './account-input';
import { accountSummarySchema } from './account-summary';
import type { AppErrorShape } from './account-summary';
import { settingsPatchSchema, settingsSchema } from './settings';

/**
 * The IPC contract: one entry per operation, each with its channel, request schema and response schema.
 * Main validates every request with these; the preload exposes one method per entry; the browser test
 * harness serves the same entries over a WebSocket. Types are inferred from here and nowhere else.
 */

export const CHANNEL_PREFIX = 'wtm:';

const none = z.undefined();
const accountResponse = z.object({ account: accountSummarySchema });

export const vaultStateSchema = z.object({
  /** open: accounts usable; locked: passphrase needed; setup: no vault yet and a passphrase must be chosen; damaged: the file could not be read. */
  state: z.enum(['open', 'locked', 'setup', 'damaged']),
  /** How the vault key is protected. */
  protection: z.enum(['os-keychain', 'passphrase', 'none-yet']),
  /** Why a passphrase is needed, or what happened to a damaged file, in plain words. */
  reason: z.string().nullable(),
  /** Where a damaged file was kept aside. */
  keptAsidePath: z.string().nullable(),
});
export type VaultState = z.infer<typeof vaultStateSchema>;

export const passphraseSchema = z
  .string({ error: 'Passphrase: enter a passphrase.' })
  .min(10, { error: 'Passphrase: use at least 10 characters.' })
  .max(1024, { error: 'Passphrase: at most 1024 characters.' });

export const auditEntrySchema = z.object({
  at: z.number(),
  command: z.string(),
  account: z.string().nullable(),
  outcome: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const contract = {
  listAccounts: { channel: 'wtm:accounts:list', request: none, response: z.object({ accounts: z.array(accountSummarySchema) }) },
  addAccount: { channel: 'wtm:accounts:add', request: newAccountSchema, response: accountResponse },
  updateAccount: {
    channel: 'wtm:accounts:update',
    request: z.object({ id: accountIdSchema, patch: accountPatchSchema }).strict(),
    response: accountResponse,
  },
  replaceExchangeToken: {
    channel: 'wtm:accounts:replace-exchange-token',
    request: z.object({ id: accountIdSchema, exchangeToken: exchangeTokenSchema }).strict(),
    response: accountResponse,
  },
  removeAccount: { channel: 'wtm:accounts:remove', request: z.object({ id: accountIdSchema }).strict(), response: z.object({ removed: z.literal(true) }) },
  refreshAccount: { channel: 'wtm:accounts:refresh', request: z.object({ id: accountIdSchema }).strict(), response: accountResponse },
  refreshAll: {
    channel: 'wtm:accounts:refresh-all',
    request: none,
    response: z.object({
      refreshed: z.number(),
      skipped: z.number(),
      failed: z.array(z.object({ id: z.string(), label: z.string(), code: z.string(), message: z.string() })),
    }),
  },
  /** Copies in main: the token itself never crosses to the renderer. */
  copyToken: {
    channel: 'wtm:accounts:copy',
    request: z.object({ id: accountIdSchema, format: z.enum(['token', 'header']) }).strict(),
    response: z.object({ expiresAt: z.number(), clearsInSeconds: z.number() }),
  },
  getSettings: { channel: 'wtm:settings:get', request: none, response: settingsSchema },
  updateSettings: { channel: 'wtm:settings:update', request: settingsPatchSchema, response: settingsSchema },
  getVaultState: { channel: 'wtm:vault:state', request: none, response: vaultStateSchema },
  unlockVault: { channel: 'wtm:vault:unlock', request: z.object({ passphrase: z.string().min(1, { error: 'Passphrase: enter your passphrase.' }) }).strict(), response: vaultStateSchema },
  createPassphrase: { channel: 'wtm:vault:create-passphrase', request: z.object({ passphrase: passphraseSchema }).strict(), response: vaultStateSchema },
  changePassphrase: {
    channel: 'wtm:vault:change-passphrase',
    request: z.object({ current: z.string().min(1, { error: 'Current passphrase: enter it.' }), next: passphraseSchema }).strict(),
    response: vaultStateSchema,
  },
  /** After a damaged vault file was kept aside: the user agrees to start a new, empty vault. */
  createNewVault: { channel: 'wtm:vault:create-new', request: z.object({ confirm: z.literal(true) }).strict(), response: vaultStateSchema },
  /** The backup is encrypted with its own passphrase; its content travels as text so any transport can carry it. */
  exportBackup: {
    channel: 'wtm:backup:export',
    request: z.object({ passphrase: passphraseSchema }).strict(),
    response: z.object({ fileName: z.string(), content: z.string(), accounts: z.number() }),
  },
  importBackup: {
    channel: 'wtm:backup:import',
    request: z.object({ passphrase: z.string().min(1, { error: 'Passphrase: enter the backup passphrase.' }), content: z.string().min(1).max(50_000_000) }).strict(),
    response: z.object({ added: z.array(z.string()), updated: z.array(z.string()), skipped: z.array(z.object({ label: z.string(), reason: z.string() })) }),
  },
  getCliAudit: { channel: 'wtm:cli:audit', request: none, response: z.object({ entries: z.array(auditEntrySchema) }) },
  getAppInfo: {
    channel: 'wtm:app:info',
    request: none,
    response: z.object({ version: z.string(), platform: z.string(), locale: z.string(), demo: z.boolean() }),
  },
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type RequestOf<K extends OperationName> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends OperationName> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends OperationName> = z.output<Contract[K]['response']>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Pushed from main to the renderer when accounts change. */
export const ACCOUNTS_CHANGED_CHANNEL = 'wtm:event:accounts-changed';
export const accountsChangedSchema = z.object({ changed: z.array(accountSummarySchema), removed: z.array(z.string()) });
export type AccountsChangedEvent = z.infer<typeof accountsChangedSchema>;

/** Pushed when the vault state changes (locked, unlocked, damaged). */
export const VAULT_STATE_CHANGED_CHANNEL = 'wtm:event:vault-state';

/** Pushed when the tray or a notification asks the window to show one account (payload: its id). */
export const OPEN_ACCOUNT_CHANNEL = 'wtm:event:open-account';

/**
 * The app API: the contract implemented over the core services, independent of the transport.
 * Electron IPC registers it in main; the browser test harness serves it over a WebSocket.
 */
export type AppApi = { [K in OperationName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>> };
