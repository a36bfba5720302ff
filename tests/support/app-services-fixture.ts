import { createAppServices } from '../../electron/core/app/app-services';
import { AppSession } from '../../electron/core/app/app-session';
import type { BackupService } from '../../electron/core/app/backup-service';
import type { SessionVault } from '../../electron/core/app/app-session';
import { createClipboardGuard, InMemoryClipboard } from '../../electron/core/app/clipboard-guard';
import { DIALOG_TEXTS } from '../../electron/core/app/dialog-texts';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import type { ScryptParams } from '../../electron/core/vault/scrypt';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../../electron/core/winbooks/winbooks-client';
import type { AppApi } from '../../electron/shared/ipc-contract';
import { ScriptedDialogs } from '../harness/scripted-dialogs';

export interface AppThroughMain {
  session: AppSession;
  api: AppApi;
  /** The backup service behind the API's export and import, as main builds it. */
  backups: BackupService;
  settings: ReturnType<typeof createInMemorySettingsStore>;
  dialogs: ScriptedDialogs;
}

/**
 * The app as main runs it, minus Electron: a session on the given vault, the real lifecycle and Winbooks client,
 * and the app API with scripted dialogs (what "the user" answers) and an in-memory clipboard. Started; the caller
 * shuts the session down.
 */
export async function startAppThroughMain(options: { vault: SessionVault; tokenTimeoutMs?: number; backupKdfParams?: ScryptParams; demo?: boolean }): Promise<AppThroughMain> {
  const settings = createInMemorySettingsStore();
  const client = createWinbooksTokenClient({ timeoutMs: options.tokenTimeoutMs ?? 10_000 });
  const session = new AppSession({ vault: options.vault, settings, createLifecycle: (storage) => new TokenLifecycle({ client, storage }) });
  await session.start();
  const dialogs = new ScriptedDialogs();
  const { api, backups } = createAppServices({
    session,
    settings,
    clipboard: createClipboardGuard({ clipboard: new InMemoryClipboard() }),
    audit: { entries: () => [], counters: () => ({ unauthenticated: 0, refused: 0 }) },
    appInfo: () => ({ version: '0.1.0', platform: 'linux', locale: 'en', demo: options.demo ?? false }),
    dialogs,
    dialogTexts: () => DIALOG_TEXTS.en,
    ...(options.backupKdfParams === undefined ? {} : { backupKdfParams: options.backupKdfParams }),
  });
  return { session, api, backups, settings, dialogs };
}
