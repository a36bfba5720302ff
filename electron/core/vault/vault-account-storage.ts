import type { AccountRecord, AccountSecrets, AccountStorage } from '../tokens/account-storage';
import type { VaultContents } from './vault-contents';

/** What the storage needs from the vault: the open contents (or an AppError 'vault-locked') and durable commits. */
export interface VaultAccess {
  openContents(): VaultContents;
  commit(): Promise<void>;
  flush(): Promise<void>;
}

/** The lifecycle's AccountStorage over the vault: metadata straight from memory, secrets decrypted on each read. */
export class VaultAccountStorage implements AccountStorage {
  constructor(private readonly vault: VaultAccess) {}

  loadRecords(): Promise<AccountRecord[]> {
    return attempt(() => this.vault.openContents().records());
  }

  readSecrets(id: string): Promise<AccountSecrets> {
    return attempt(() => this.vault.openContents().readSecrets(id));
  }

  async save(record: AccountRecord, secrets?: Partial<AccountSecrets>): Promise<void> {
    this.vault.openContents().put(record, secrets);
    await this.vault.commit();
  }

  async remove(id: string): Promise<void> {
    this.vault.openContents().delete(id);
    await this.vault.commit();
  }

  flush(): Promise<void> {
    return this.vault.flush();
  }
}

function attempt<T>(read: () => T): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
