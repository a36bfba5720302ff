import { AppError } from '../common/app-error';
import type { Logger } from '../common/logger';
import type { AccountRecord, AccountSecrets, AccountStorage } from './account-storage';

/** Saves through the storage port; a failed save becomes an AppError 'storage-failed' a person can act on. */
export class AccountSaver {
  constructor(
    private readonly storage: AccountStorage,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the record (and the secrets given) are durable. */
  async save(record: AccountRecord, secrets?: Partial<AccountSecrets>): Promise<void> {
    try {
      await this.storage.save(record, secrets);
    } catch (error) {
      this.logger.error('persist-failed', { account: record.id, reason: messageOf(error) });
      throw new AppError('storage-failed', `The change to "${record.label}" could not be saved to disk (${messageOf(error)}). Check free disk space, then try again.`);
    }
  }

  /** For facts nothing depends on being durable (last use, a marker being cleared): a failure is only logged. */
  saveInBackground(record: AccountRecord): void {
    this.storage.save(record).catch((error: unknown) => {
      this.logger.warn('persist-failed', { account: record.id, reason: messageOf(error) });
    });
  }

  async remove(record: AccountRecord): Promise<void> {
    try {
      await this.storage.remove(record.id);
    } catch (error) {
      throw new AppError('storage-failed', `"${record.label}" could not be removed from disk (${messageOf(error)}). Try again.`);
    }
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
