import type { BackupFiles } from '../../electron/core/app/backup-files';
import type { BackupSessionPort } from '../../electron/core/app/backup-service';
import { BackupService } from '../../electron/core/app/backup-service';
import { DIALOG_TEXTS } from '../../electron/core/app/dialog-texts';
import { AppError } from '../../electron/core/common/app-error';
import type { BackupAccount } from '../../electron/core/vault/backup-format';
import type { ScryptParams, VaultHandle } from '../../electron/core/vault/index';
import { isHostAllowed } from '../../electron/shared/host-policy';
import type { BackupExportResult, BackupImportReport, BackupImportResult } from '../../electron/shared/backup-report';
import { ScriptedDialogs } from '../harness/scripted-dialogs';

/** The files main writes and reads at the paths the user chose, kept in memory. */
export class InMemoryBackupFiles implements BackupFiles {
  readonly written = new Map<string, string>();

  read(path: string): Promise<string> {
    const content = this.written.get(path);
    return content === undefined ? Promise.reject(new AppError('storage-failed', `No file at ${path}.`, 'file')) : Promise.resolve(content);
  }

  writePrivate(path: string, content: string): Promise<void> {
    this.written.set(path, content);
    return Promise.resolve();
  }
}

/**
 * The session as the backup service sees it, over a vault with no lifecycle running: the vault's storage itself
 * rejects with 'vault-locked' unless open. (AppSession's own checks and its pause around the import are tested
 * through main, tests/main/backup-through-main.test.ts.)
 */
function vaultSession(vault: VaultHandle): BackupSessionPort {
  return {
    openStorage: () => vault.storage,
    hasPassphrase: () => vault.canLock(),
    verifyPassphrase: (passphrase) => vault.verifyPassphrase(passphrase),
    withLifecyclePaused: (step) => step(vault.storage),
  };
}

export interface BackupsOverVault {
  service: BackupService;
  dialogs: ScriptedDialogs;
  files: InMemoryBackupFiles;
  /** Exports as a user would: the vault's passphrase (or a confirmation), the backup's, then a file name. */
  exportWith(backupPassphrase: string): Promise<{ result: BackupExportResult; content: string }>;
  /** Imports the content as a user would: picks the file, types the passphrase, confirms the summary. */
  importWith(content: string, backupPassphrase: string): Promise<BackupImportResult>;
}

/**
 * Main's BackupService over a vault, with scripted dialogs (English words), in-memory files and the host policy
 * main applies ("other API addresses" off unless asked). `kdfParams` left out: the service's default cost.
 */
export function backupsOverVault(vault: VaultHandle, options: { vaultPassphrase?: string; kdfParams?: ScryptParams; allowOtherHosts?: boolean } = {}): BackupsOverVault {
  const dialogs = new ScriptedDialogs();
  const files = new InMemoryBackupFiles();
  const service = new BackupService({
    session: vaultSession(vault),
    dialogs,
    texts: () => DIALOG_TEXTS.en,
    files,
    hostAllowed: (host) => isHostAllowed(host, { allowOtherHosts: options.allowOtherHosts ?? false }),
    ...(options.kdfParams === undefined ? {} : { kdfParams: options.kdfParams }),
  });
  let serial = 0;
  return {
    service,
    dialogs,
    files,
    async exportWith(backupPassphrase) {
      serial += 1;
      const path = `/backups/export-${serial}.json`;
      const confirmation = vault.canLock() ? ({ kind: 'passphrase', value: options.vaultPassphrase ?? null } as const) : ({ kind: 'confirm', confirmed: true } as const);
      dialogs.script(confirmation, { kind: 'passphrase', value: backupPassphrase }, { kind: 'save-file', path });
      const result = await service.exportBackup();
      return { result, content: files.written.get(path) ?? '' };
    },
    async importWith(content, backupPassphrase) {
      serial += 1;
      const path = `/backups/import-${serial}.json`;
      files.written.set(path, content);
      dialogs.script({ kind: 'open-file', path }, { kind: 'passphrase', value: backupPassphrase }, { kind: 'confirm', confirmed: true });
      return service.importBackup();
    },
  };
}

/** What an import that went through reports (its file's path left out); throws when it did not go through. */
export function importReport(result: BackupImportResult): BackupImportReport {
  if (result.outcome !== 'imported') throw new Error(`The import did not go through: ${result.outcome}.`);
  const { added, updated, skipped } = result;
  return { added, updated, skipped };
}

/** One account as a backup holds it; tests craft backups from these with sealBackup. */
export function backupEntry(fields: Pick<BackupAccount, 'label' | 'email' | 'host' | 'exchangeToken'> & Partial<BackupAccount>): BackupAccount {
  return {
    autoRefresh: true,
    createdAt: 1,
    lastUsedAt: null,
    accessIssuedAt: null,
    accessExpiresAt: null,
    lastRefreshAt: null,
    needsExchangeToken: false,
    refreshToken: null,
    accessToken: null,
    ...fields,
  };
}
