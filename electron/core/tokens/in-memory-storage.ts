import type { AccountRecord, AccountSecrets, AccountStorage } from './account-storage';

/**
 * An AccountStorage kept in memory: for tests and the browser harness. Nothing is encrypted or durable.
 * Like the vault, it applies each change when called and resolves once it is "written" (after writeDelay).
 */
export class InMemoryAccountStorage implements AccountStorage {
  private readonly records = new Map<string, AccountRecord>();
  private readonly secrets = new Map<string, AccountSecrets>();
  saves = 0;

  constructor(private readonly writeDelay: () => Promise<void> = () => Promise.resolve()) {}

  loadRecords(): Promise<AccountRecord[]> {
    return Promise.resolve([...this.records.values()].map((record) => structuredClone(record)));
  }

  readSecrets(id: string): Promise<AccountSecrets> {
    const found = this.secrets.get(id);
    if (!found) return Promise.reject(new Error(`No secrets stored for account ${id}.`));
    return Promise.resolve({ ...found });
  }

  async save(record: AccountRecord, secrets?: Partial<AccountSecrets>): Promise<void> {
    const previous = this.secrets.get(record.id);
    if (!previous && secrets?.exchangeToken === undefined) {
      throw new Error(`Account ${record.id} is new: its exchange token must be saved with it.`);
    }
    this.records.set(record.id, structuredClone(record));
    const merged: AccountSecrets = {
      exchangeToken: secrets?.exchangeToken ?? previous?.exchangeToken ?? '',
      refreshToken: secrets?.refreshToken !== undefined ? secrets.refreshToken : (previous?.refreshToken ?? null),
      accessToken: secrets?.accessToken !== undefined ? secrets.accessToken : (previous?.accessToken ?? null),
    };
    this.secrets.set(record.id, merged);
    this.saves += 1;
    await this.writeDelay();
  }

  async remove(id: string): Promise<void> {
    this.records.delete(id);
    this.secrets.delete(id);
    await this.writeDelay();
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  /** Test helper: what is stored right now. */
  peek(id: string): { record: AccountRecord | undefined; secrets: AccountSecrets | undefined } {
    return { record: this.records.get(id), secrets: this.secrets.get(id) };
  }
}
