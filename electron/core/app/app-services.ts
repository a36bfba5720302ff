import type { AppApi } from '../../shared/ipc-contract';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import type { AppApiDeps } from './app-api';
import { createAppApi } from './app-api';
import type { AppSession } from './app-session';
import type { BackupFiles } from './backup-files';
import { diskBackupFiles } from './backup-files';
import type { BackupServiceDeps } from './backup-service';
import { BackupService } from './backup-service';
import type { DialogTexts } from './dialog-texts';
import { isHostAllowed } from '../../shared/host-policy';
import type { MainDialogs } from './main-dialogs';

export interface AppServicesDeps extends Pick<AppApiDeps, 'settings' | 'clipboard' | 'audit' | 'appInfo' | 'onCopied' | 'gateway'> {
  session: AppSession;
  dialogs: MainDialogs;
  /** The words of main's dialogs in the user's language, read each time one is shown. */
  dialogTexts: () => DialogTexts;
  files?: BackupFiles;
  clock?: Clock;
  logger?: Logger;
  backupKdfParams?: BackupServiceDeps['kdfParams'];
}

/** The app API with the services behind it (backups, confirmations), wired the same way in the app, the harness and tests. */
export function createAppServices(deps: AppServicesDeps): { api: AppApi; backups: BackupService } {
  const backups = new BackupService({
    session: deps.session,
    dialogs: deps.dialogs,
    texts: deps.dialogTexts,
    files: deps.files ?? diskBackupFiles,
    hostAllowed: (host) => isHostAllowed(host, { allowOtherHosts: deps.settings.get().allowOtherHosts }),
    ...(deps.clock === undefined ? {} : { now: () => deps.clock?.now() ?? Date.now() }),
    ...(deps.backupKdfParams === undefined ? {} : { kdfParams: deps.backupKdfParams }),
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
  });
  const api = createAppApi({
    lifecycle: () => deps.session.lifecycle(),
    vault: deps.session,
    backups,
    confirmations: { dialogs: deps.dialogs, texts: deps.dialogTexts },
    settings: deps.settings,
    clipboard: deps.clipboard,
    audit: deps.audit,
    appInfo: deps.appInfo,
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    ...(deps.onCopied === undefined ? {} : { onCopied: deps.onCopied }),
    ...(deps.gateway === undefined ? {} : { gateway: deps.gateway }),
  });
  return { api, backups };
}
