import { AppError } from '../common/app-error';
import { silentLogger, type Logger } from '../common/logger';
import { digestsEqual, gatewayKeyDigest, looksLikeGatewayKey, newGatewayKey } from './gateway-key';
import type { GatewayKeyStore, StoredGatewayKey } from './gateway-key-store';

/**
 * Which gateway key opens which account. Keys are looked up by their digest, never by the key itself, and the
 * digest found is compared again in constant time. A key is shown only when it is issued: the store keeps
 * digests, and the key itself stays in this process's memory until the app quits, so "Copy gateway URL"
 * can copy it again in the same run (never to the renderer). After a restart, copying needs a new key.
 */
export class GatewayKeys {
  private readonly byDigest = new Map<string, StoredGatewayKey>();
  private readonly byAccount = new Map<string, StoredGatewayKey>();
  private readonly issuedThisRun = new Map<string, string>();
  /** Saves run one after another, each with the state of its moment. */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: GatewayKeyStore,
    private readonly deps: { now?: () => number; logger?: Logger } = {},
  ) {}

  /** Reads the stored digests. An unreadable store gives no keys (nothing is opened) and is logged. */
  async load(): Promise<void> {
    let stored: StoredGatewayKey[] = [];
    try {
      stored = await this.store.load();
    } catch (error) {
      (this.deps.logger ?? silentLogger).warn('gateway.keys-unreadable', { message: AppError.from(error).message });
    }
    this.byDigest.clear();
    this.byAccount.clear();
    this.issuedThisRun.clear();
    for (const key of stored) this.put(key);
  }

  /** The account a presented key opens, or null. */
  accountFor(candidate: string): string | null {
    if (!looksLikeGatewayKey(candidate)) return null;
    const digest = gatewayKeyDigest(candidate);
    const found = this.byDigest.get(digest);
    return found !== undefined && digestsEqual(found.digest, digest) ? found.accountId : null;
  }

  hasKey(accountId: string): boolean {
    return this.byAccount.has(accountId);
  }

  accountsWithKey(): string[] {
    return [...this.byAccount.keys()];
  }

  /** The key issued for this account in this run, or null (none, or issued before the last restart). */
  keyIssuedThisRun(accountId: string): string | null {
    return this.issuedThisRun.get(accountId) ?? null;
  }

  /** A new key for the account, replacing (revoking) any it had. Resolves once it is stored. */
  async issue(accountId: string): Promise<string> {
    const key = newGatewayKey();
    this.drop(accountId);
    this.put({ accountId, digest: gatewayKeyDigest(key), createdAt: (this.deps.now ?? Date.now)() });
    this.issuedThisRun.set(accountId, key);
    try {
      await this.persist();
    } catch (error) {
      // A key that would not survive a restart is not handed out: the account is left without one.
      this.drop(accountId);
      throw new AppError('storage-failed', `The gateway key could not be saved (${AppError.from(error).message}). Check free disk space, then try again.`);
    }
    return key;
  }

  /** The account's key stops working at once; resolves once that is stored. */
  async revoke(accountId: string): Promise<void> {
    if (!this.drop(accountId)) return;
    await this.persist();
  }

  /** Drops the keys of accounts that no longer exist. */
  async retainOnly(accountIds: ReadonlySet<string>): Promise<void> {
    const gone = [...this.byAccount.keys()].filter((id) => !accountIds.has(id));
    for (const id of gone) this.drop(id);
    if (gone.length > 0) await this.persist();
  }

  /** Writes the keys held in memory again (the store signs them with the vault's current key after a re-key). */
  saveAgain(): Promise<void> {
    return this.persist();
  }

  private put(key: StoredGatewayKey): void {
    this.drop(key.accountId);
    this.byDigest.set(key.digest, key);
    this.byAccount.set(key.accountId, key);
  }

  private drop(accountId: string): boolean {
    const existing = this.byAccount.get(accountId);
    this.issuedThisRun.delete(accountId);
    if (existing === undefined) return false;
    this.byAccount.delete(accountId);
    this.byDigest.delete(existing.digest);
    return true;
  }

  private persist(): Promise<void> {
    const run = this.saving.then(() => this.store.save([...this.byAccount.values()]));
    this.saving = run.catch(() => undefined);
    return run;
  }
}
