import { randomBytes } from 'node:crypto';
import { loadStrengthEstimator, passphraseProblem } from '../../shared/passphrase';
import type { BackupExportResult, BackupImportResult, ImportEntry } from '../../shared/backup-report';
import { AppError } from '../common/app-error';
import type { Logger } from '../common/logger';
import { silentLogger } from '../common/logger';
import type { AccountStorage } from '../tokens/account-storage';
import { SecretsUnreadableError } from '../tokens/account-storage';
import type { LocalAccount } from '../vault/backup';
import { acceptAddressChanges, planImport, toBackupAccount } from '../vault/backup';
import type { BackupAccount } from '../vault/backup-format';
import { backupFileName, openBackup, sealBackup } from '../vault/backup-format';
import { DEFAULT_SCRYPT_PARAMS } from '../vault/scrypt';
import type { BackupFiles } from './backup-files';
import type { DialogTexts } from './dialog-texts';
import type { MainDialogs, PassphrasePrompt } from './main-dialogs';

/** What the backup flows need from the session: the open vault's storage, and a pause of the lifecycle. */
export interface BackupSessionPort {
  /** The open vault's storage; rejects with 'vault-locked' otherwise. */
  openStorage(): AccountStorage;
  /** True when the vault has a passphrase: an export then asks for it again. */
  hasPassphrase(): boolean;
  /** Rejects with 'invalid-input' (field 'passphrase') when it is not the vault's passphrase. */
  verifyPassphrase(passphrase: string): Promise<void>;
  /** Runs the step with the lifecycle drained, then restarts it over the changed records. */
  withLifecyclePaused<T>(step: (storage: AccountStorage) => Promise<T>): Promise<T>;
}

export interface BackupServiceDeps {
  session: BackupSessionPort;
  dialogs: MainDialogs;
  /** The dialogs' words in the user's language, read at each flow. */
  texts: () => DialogTexts;
  files: BackupFiles;
  /** The host policy (Settings "other API addresses"): accounts with another host are not imported. */
  hostAllowed: (host: string) => boolean;
  now?: () => number;
  newId?: () => string;
  /** Cost of the backup's key derivation (tests pass cheaper ones). */
  kdfParams?: Parameters<typeof sealBackup>[2];
  logger?: Logger;
}

/** A passphrase prompt is shown at most this many times before the flow gives up. */
export const PASSPHRASE_ATTEMPTS = 3;

const CANCELLED = { outcome: 'cancelled' } as const;

function baseName(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path;
}

/**
 * Export and import, owned by main: every question is asked in main's dialogs, the file is read and written
 * here, and the caller (the renderer) only gets a summary.
 */
export class BackupService {
  private readonly now: () => number;
  private readonly logger: Logger;

  constructor(private readonly deps: BackupServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.logger = deps.logger ?? silentLogger;
  }

  async exportBackup(): Promise<BackupExportResult> {
    const storage = this.deps.session.openStorage();
    const texts = this.deps.texts();
    const count = (await storage.loadRecords()).length;
    if (!(await this.confirmExport(texts, count))) return CANCELLED;
    const passphrase = await this.askNewBackupPassphrase(texts);
    if (passphrase === null) return CANCELLED;
    const now = this.now();
    const path = await this.deps.dialogs.chooseSaveFile({
      title: texts.exportTitle,
      buttonLabel: texts.exportSaveButton,
      defaultName: backupFileName(now),
      filter: { name: texts.backupFilter, extensions: ['json'] },
    });
    if (path === null) return CANCELLED;

    const accounts: BackupAccount[] = [];
    const unreadable: string[] = [];
    for (const record of await this.deps.session.openStorage().loadRecords()) {
      try {
        accounts.push(toBackupAccount(record, await storage.readSecrets(record.id)));
      } catch (error) {
        if (!(error instanceof SecretsUnreadableError)) throw error;
        unreadable.push(record.label); // nothing usable to move; its status in the window says so
      }
    }
    const content = await sealBackup(accounts, passphrase, this.deps.kdfParams ?? DEFAULT_SCRYPT_PARAMS, now);
    // The user may have locked the vault while the backup key was derived: a locked vault exports nothing.
    this.deps.session.openStorage();
    await this.deps.files.writePrivate(path, content);
    this.logger.info('backup.exported', { accounts: accounts.length, unreadable: unreadable.length });
    return { outcome: 'exported', path, accounts: accounts.length, unreadable };
  }

  async importBackup(): Promise<BackupImportResult> {
    this.deps.session.openStorage();
    const texts = this.deps.texts();
    const path = await this.deps.dialogs.chooseOpenFile({
      title: texts.importTitle,
      buttonLabel: texts.importOpenButton,
      filter: { name: texts.backupFilter, extensions: ['json'] },
    });
    if (path === null) return CANCELLED;
    const content = await this.deps.files.read(path);
    const entries = await this.openWithPassphrase(content, baseName(path), texts);
    if (entries === null) return CANCELLED;

    const planFor = async (storage: AccountStorage): Promise<ReturnType<typeof planImport>> => {
      const local = await localAccounts(storage);
      return planImport(local, entries, this.deps.newId ?? newAccountId, { hostAllowed: this.deps.hostAllowed });
    };
    // Asked before the lifecycle pauses (the user may take their time), planned again once it has.
    const preview = await planFor(this.deps.session.openStorage());
    const answer = await this.deps.dialogs.confirm({
      title: texts.importTitle,
      message: texts.importConfirm({
        added: preview.report.added.length,
        updated: preview.report.updated.length,
        changes: preview.addressChanges.length,
        skipped: preview.report.skipped.length - preview.addressChanges.length,
      }),
      detail: importLines(preview, texts).join('\n'),
      confirmLabel: texts.importConfirmButton,
      cancelLabel: texts.cancel,
      ...(preview.addressChanges.length > 0 ? { checkboxLabel: texts.importAddressChangesCheckbox(preview.addressChanges.length) } : {}),
    });
    if (!answer.confirmed) return CANCELLED;
    const acceptChanges = answer.checkboxChecked && preview.addressChanges.length > 0;

    return this.deps.session.withLifecyclePaused(async (storage) => {
      const planned = await planFor(storage);
      const plan = acceptChanges ? acceptAddressChanges(planned) : planned;
      await Promise.all(plan.puts.map((put) => storage.save(put.record, put.secrets)));
      const { added, updated, skipped } = plan.report;
      this.logger.info('backup.imported', { added: added.length, updated: updated.length, skipped: skipped.length });
      return { outcome: 'imported', path, added, updated, skipped };
    });
  }

  private async confirmExport(texts: DialogTexts, count: number): Promise<boolean> {
    if (!this.deps.session.hasPassphrase()) {
      const answer = await this.deps.dialogs.confirm({
        title: texts.exportTitle,
        message: texts.exportConfirm(count),
        detail: texts.exportConfirmDetail,
        confirmLabel: texts.exportConfirmButton,
        cancelLabel: texts.cancel,
      });
      return answer.confirmed;
    }
    const prompt = this.prompt(texts, { purpose: 'vault', title: texts.exportTitle, message: texts.exportVaultPassphrase(count), confirmLabel: texts.exportConfirmButton });
    return (await this.askUntil(prompt, async (passphrase) => {
      try {
        await this.deps.session.verifyPassphrase(passphrase);
        return { ok: true, value: true };
      } catch (error) {
        if (error instanceof AppError && error.field === 'passphrase') return { ok: false, error: texts.wrongVaultPassphrase };
        throw error;
      }
    })) === true;
  }

  private askNewBackupPassphrase(texts: DialogTexts): Promise<string | null> {
    const prompt = this.prompt(texts, {
      purpose: 'new-backup',
      title: texts.exportTitle,
      message: texts.exportChoosePassphrase,
      confirmLabel: texts.exportConfirmButton,
      repeat: { label: texts.repeatLabel, mismatch: texts.passphraseMismatch },
    });
    // A backup leaves the machine: the same rule as the vault's, strength estimate included.
    return this.askUntil(prompt, async (passphrase) => {
      const problem = passphraseProblem(passphrase, await loadStrengthEstimator());
      return problem === null ? { ok: true, value: passphrase } : { ok: false, error: texts.weakPassphrase };
    });
  }

  private openWithPassphrase(content: string, fileName: string, texts: DialogTexts): Promise<unknown[] | null> {
    const prompt = this.prompt(texts, { purpose: 'open-backup', title: texts.importTitle, message: texts.importPassphrase(fileName), confirmLabel: texts.importOpenButton });
    return this.askUntil(prompt, async (passphrase) => {
      try {
        return { ok: true, value: await openBackup(content, passphrase) };
      } catch (error) {
        if (error instanceof AppError && error.field === 'passphrase') return { ok: false, error: texts.wrongBackupPassphrase };
        throw error;
      }
    });
  }

  private prompt(
    texts: DialogTexts,
    fields: Pick<PassphrasePrompt, 'purpose' | 'title' | 'message' | 'confirmLabel'> & Partial<Pick<PassphrasePrompt, 'repeat'>>,
  ): PassphrasePrompt {
    return { fieldLabel: texts.passphraseLabel, cancelLabel: texts.cancel, repeat: null, error: null, ...fields };
  }

  /** Asks until an answer is accepted, the user cancels (null), or the attempts run out (a refusal). */
  private async askUntil<T>(prompt: PassphrasePrompt, accept: (passphrase: string) => Promise<{ ok: true; value: T } | { ok: false; error: string }>): Promise<T | null> {
    let error: string | null = null;
    for (let attempt = 0; attempt < PASSPHRASE_ATTEMPTS; attempt += 1) {
      const answer = await this.deps.dialogs.askPassphrase({ ...prompt, error });
      if (answer === null) return null;
      const verdict = await accept(answer);
      if (verdict.ok) return verdict.value;
      error = verdict.error;
    }
    this.logger.warn('backup.passphrase-attempts-exhausted', { purpose: prompt.purpose });
    throw new AppError('invalid-input', `${error ?? 'Passphrase refused.'} Nothing was changed.`, 'passphrase');
  }
}

async function localAccounts(storage: AccountStorage): Promise<LocalAccount[]> {
  const records = await storage.loadRecords();
  return Promise.all(
    records.map(async (record) => ({
      record,
      secretsReadable: await storage.readSecrets(record.id).then(
        () => true,
        () => false,
      ),
    })),
  );
}

function importLines(plan: ReturnType<typeof planImport>, texts: DialogTexts): string[] {
  const entries: ImportEntry[] = [...plan.report.added, ...plan.report.updated, ...plan.addressChanges.map((change) => change.entry)];
  const declined = new Set(plan.addressChanges.map((change) => change.declined));
  entries.push(...plan.report.skipped.filter((entry) => !declined.has(entry)));
  return entries.map((entry) => texts.importLine(entry));
}

function newAccountId(): string {
  return randomBytes(12).toString('base64url');
}
