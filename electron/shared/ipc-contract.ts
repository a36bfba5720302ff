import { z } from 'zod';
import { accountIdSchema, accountPatchSchema, exchangeTokenSchema, newAccountSchema } from './account-input';
import { accountSummarySchema } from './account-summary';
import type { AppErrorShape } from './account-summary';
import { CHANNELS } from './ipc-channels';
import { backupExportResultSchema, backupImportResultSchema } from './backup-report';
import { passphraseSchema } from './passphrase';
import { settingsPatchSchema, settingsSchema } from './settings';

export { ACCOUNTS_CHANGED_CHANNEL, CHANNELS, CHANNEL_PREFIX, MENU_COMMAND_CHANNEL, OPEN_ACCOUNT_CHANNEL, SETTINGS_CHANGED_CHANNEL, VAULT_STATE_CHANGED_CHANNEL } from './ipc-channels';

/**
 * The IPC contract: one entry per operation, each with its channel, request schema and response schema.
 * Main validates every request with these; the preload exposes one method per entry; the browser test
 * harness serves the same entries over a WebSocket. Types are inferred from here and nowhere else.
 */


const none = z.undefined();
const accountResponse = z.object({ account: accountSummarySchema });

export const vaultStateSchema = z.object({
  /** open: accounts usable; locked: passphrase needed (at start or after Lock); setup: no vault yet and a passphrase must be chosen; damaged: the file could not be read. */
  state: z.enum(['open', 'locked', 'setup', 'damaged']),
  /** How the vault key is protected. */
  protection: z.enum(['os-keychain', 'passphrase', 'os-keychain-and-passphrase', 'none-yet']),
  /** Why a passphrase is needed, or what happened to a damaged file, in plain words. */
  reason: z.string().nullable(),
  /** Where a damaged file was kept aside. */
  keptAsidePath: z.string().nullable(),
});
export type VaultState = z.infer<typeof vaultStateSchema>;

export const auditEntrySchema = z.object({
  at: z.number(),
  command: z.string(),
  account: z.string().nullable(),
  outcome: z.string(),
  /** Who served it: the command line (the default) or the local API gateway. */
  source: z.enum(['cli', 'gateway']).optional(),
  /** Gateway requests: bytes of the answer's body and the time it took. */
  bytes: z.number().optional(),
  durationMs: z.number().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Requests kept out of the audit list so they cannot push real entries out: only counted. */
export const cliCountersSchema = z.object({
  /** Wrong or missing session secret, unreadable or oversized requests, an unknown protocol version. */
  unauthenticated: z.number().int().nonnegative(),
  /** Authenticated, but for an account the command line may not serve. */
  refused: z.number().int().nonnegative(),
});
export type CliCounters = z.infer<typeof cliCountersSchema>;

/** What a gateway copy did: declined in main's dialog (nothing copied), or copied, with a new key or not. */
const gatewayCopyResponse = z.object({ copied: z.boolean(), newKey: z.boolean(), clearsInSeconds: z.number() });

export const gatewayStateSchema = z.object({
  enabled: z.boolean(),
  port: z.number(),
  running: z.boolean(),
  /** Why the gateway is not running although enabled (e.g. the port is taken), in plain words. */
  error: z.string().nullable(),
  /** Accounts that have a gateway key. Never the key. */
  accountsWithKey: z.array(z.string()),
});
export type GatewayState = z.infer<typeof gatewayStateSchema>;

export const contract = {
  listAccounts: { channel: CHANNELS.listAccounts, request: none, response: z.object({ accounts: z.array(accountSummarySchema) }) },
  addAccount: { channel: CHANNELS.addAccount, request: newAccountSchema, response: accountResponse },
  updateAccount: {
    channel: CHANNELS.updateAccount,
    request: z.object({ id: accountIdSchema, patch: accountPatchSchema }).strict(),
    response: accountResponse,
  },
  replaceExchangeToken: {
    channel: CHANNELS.replaceExchangeToken,
    request: z.object({ id: accountIdSchema, exchangeToken: exchangeTokenSchema }).strict(),
    response: accountResponse,
  },
  removeAccount: { channel: CHANNELS.removeAccount, request: z.object({ id: accountIdSchema }).strict(), response: z.object({ removed: z.literal(true) }) },
  refreshAccount: { channel: CHANNELS.refreshAccount, request: z.object({ id: accountIdSchema }).strict(), response: accountResponse },
  refreshAll: {
    channel: CHANNELS.refreshAll,
    request: none,
    response: z.object({
      refreshed: z.number(),
      skipped: z.number(),
      failed: z.array(z.object({ id: z.string(), label: z.string(), code: z.string(), message: z.string() })),
    }),
  },
  /** Copies in main: the token itself never crosses to the renderer. */
  copyToken: {
    channel: CHANNELS.copyToken,
    request: z.object({ id: accountIdSchema, format: z.enum(['token', 'header']) }).strict(),
    response: z.object({ expiresAt: z.number(), clearsInSeconds: z.number() }),
  },
  getSettings: { channel: CHANNELS.getSettings, request: none, response: settingsSchema },
  updateSettings: { channel: CHANNELS.updateSettings, request: settingsPatchSchema, response: settingsSchema },
  getVaultState: { channel: CHANNELS.getVaultState, request: none, response: vaultStateSchema },
  unlockVault: { channel: CHANNELS.unlockVault, request: z.object({ passphrase: z.string().min(1, { error: 'Passphrase: enter your passphrase.' }) }).strict(), response: vaultStateSchema },
  createPassphrase: { channel: CHANNELS.createPassphrase, request: z.object({ passphrase: passphraseSchema }).strict(), response: vaultStateSchema },
  changePassphrase: {
    channel: CHANNELS.changePassphrase,
    request: z.object({ current: z.string().min(1, { error: 'Current passphrase: enter it.' }), next: passphraseSchema }).strict(),
    response: vaultStateSchema,
  },
  /** A vault protected by the system keychain gets a passphrase on top of it, so it can be locked. */
  addPassphrase: { channel: CHANNELS.addPassphrase, request: z.object({ passphrase: passphraseSchema }).strict(), response: vaultStateSchema },
  /** After a damaged vault file was kept aside: the user agrees to start a new, empty vault. */
  createNewVault: { channel: CHANNELS.createNewVault, request: z.object({ confirm: z.literal(true) }).strict(), response: vaultStateSchema },
  /**
   * Export and import belong to main: the renderer only asks. Main confirms in its own dialogs (the vault
   * passphrase again where there is one, the backup passphrase in a main-owned prompt), picks the file with the
   * native dialog, reads and writes it itself, and answers with a summary. No passphrase and no backup content
   * ever crosses IPC.
   */
  exportBackup: { channel: CHANNELS.exportBackup, request: none, response: backupExportResultSchema },
  importBackup: { channel: CHANNELS.importBackup, request: none, response: backupImportResultSchema },
  /** Locks now (when the vault has a passphrase): the data key and every decrypted token are dropped, refreshes pause. */
  lockVault: { channel: CHANNELS.lockVault, request: none, response: vaultStateSchema },
  getCliAudit: {
    channel: CHANNELS.getCliAudit,
    request: none,
    response: z.object({ entries: z.array(auditEntrySchema), counters: cliCountersSchema }),
  },
  getAppInfo: {
    channel: CHANNELS.getAppInfo,
    request: none,
    response: z.object({ version: z.string(), platform: z.string(), locale: z.string(), demo: z.boolean() }),
  },
  getGatewayState: { channel: CHANNELS.getGatewayState, request: none, response: gatewayStateSchema },
  /** Copies in main (the key never crosses to the renderer); issuing a key is confirmed in a dialog main owns. */
  copyGatewayUrl: { channel: CHANNELS.copyGatewayUrl, request: z.object({ id: accountIdSchema }).strict(), response: gatewayCopyResponse },
  copyPowerQuerySnippet: { channel: CHANNELS.copyPowerQuerySnippet, request: z.object({ id: accountIdSchema }).strict(), response: gatewayCopyResponse },
  rotateGatewayKey: { channel: CHANNELS.rotateGatewayKey, request: z.object({ id: accountIdSchema }).strict(), response: gatewayCopyResponse },
  revokeGatewayKey: { channel: CHANNELS.revokeGatewayKey, request: z.object({ id: accountIdSchema }).strict(), response: z.object({ revoked: z.literal(true) }) },
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;

// Compile-time check: every operation has a channel name in ipc-channels.ts, and no channel lacks an operation.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
export const CHANNEL_NAMES_MATCH_CONTRACT: SameKeys<typeof CHANNELS, Contract> = true;
export type RequestOf<K extends OperationName> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends OperationName> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends OperationName> = z.output<Contract[K]['response']>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const accountsChangedSchema = z.object({ changed: z.array(accountSummarySchema), removed: z.array(z.string()) });
export type AccountsChangedEvent = z.infer<typeof accountsChangedSchema>;


/**
 * The app API: the contract implemented over the core services, independent of the transport.
 * Electron IPC registers it in main; the browser test harness serves it over a WebSocket.
 */
export type AppApi = { [K in OperationName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>> };
