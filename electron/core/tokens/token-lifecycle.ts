import { randomUUID } from 'node:crypto';
import { accountPatchSchema, exchangeTokenSchema, newAccountSchema } from '../../shared/account-input';
import type { AccountPatchInput, NewAccountInput } from '../../shared/account-input';
import type { AccountSummary } from '../../shared/account-summary';
import { checkHost } from '../../shared/host-policy';
import { AppError } from '../common/app-error';
import { systemClock } from '../common/clock';
import type { Clock } from '../common/clock';
import { silentLogger } from '../common/logger';
import type { Logger } from '../common/logger';
import type { WinbooksTokenClient } from '../winbooks/token-types';
import { AccountRegistry } from './account-registry';
import { AccountSaver } from './account-saver';
import { accessTokenWithdrawn, newAccountState, summaryOf } from './account-state';
import type { AccountState } from './account-state';
import type { AccountRecord, AccountStorage } from './account-storage';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { errorOf, parseOrThrow } from './input-parsing';
import type { AccountsChange, AttentionEvent, FreshAccessToken, LifecycleSettings, RefreshAllReport, TokenLifecycleApi } from './lifecycle-api';
import { LifecycleEvents } from './lifecycle-events';
import { secondsUntil, secretsUnreadableMessage } from './outcome-errors';
import { RefreshProcedure } from './refresh-procedure';
import { RefreshScheduler } from './refresh-scheduler';

export interface TokenLifecycleDeps {
  client: WinbooksTokenClient;
  storage: AccountStorage;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  maxConcurrentRequests?: number;
  settings?: Partial<LifecycleSettings>;
}

/** lastUsedAt is saved at most this often per account (it is kept current in memory). */
const LAST_USED_SAVE_INTERVAL_MS = 60_000;

/**
 * Owns every account's tokens, as the rest of the app sees them: adding, editing, removing, refreshing and handing
 * out a fresh access token. The registry holds the accounts, the scheduler decides when each refreshes, and the
 * refresh procedure (refresh-procedure.ts) decides how: the recovery ladder, single flight, durable saves.
 */
export class TokenLifecycle implements TokenLifecycleApi {
  private readonly accounts = new AccountRegistry();
  private readonly storage: AccountStorage;
  private readonly saver: AccountSaver;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly events: LifecycleEvents;
  private readonly scheduler: RefreshScheduler;
  private readonly procedure: RefreshProcedure;
  private settings: LifecycleSettings;
  /** Set by retire(): from then on this lifecycle sends no token request (the next one owns the accounts). */
  private retired = false;

  constructor(deps: TokenLifecycleDeps) {
    this.storage = deps.storage;
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
    this.settings = { refreshLeadSeconds: null, allowOtherHosts: false, ...deps.settings };
    this.saver = new AccountSaver(deps.storage, this.logger);
    this.events = new LifecycleEvents((id) => {
      const state = this.accounts.find(id);
      return state ? summaryOf(state) : null;
    }, this.logger);
    this.scheduler = new RefreshScheduler({
      clock: this.clock,
      logger: this.logger,
      random: deps.random ?? Math.random,
      refreshLeadSeconds: this.settings.refreshLeadSeconds,
      onDue: (state) => void this.procedure.request(state, 'scheduled'),
      onScheduled: (state) => this.events.changed(state.record.id),
      onClockJump: () => this.resync(),
    });
    this.procedure = new RefreshProcedure({
      client: deps.client,
      storage: deps.storage,
      saver: this.saver,
      clock: this.clock,
      logger: this.logger,
      limiter: new ConcurrencyLimiter(deps.maxConcurrentRequests ?? 4),
      scheduler: this.scheduler,
      events: this.events,
      hostPolicy: () => this.settings,
      retired: () => this.retired,
    });
  }

  /**
   * Loads every account from storage (metadata only) and schedules its refresh. An account found with a refresh
   * still marked as sent (the app stopped before its answer was stored) exchanges at once instead of replaying it.
   */
  async start(): Promise<void> {
    this.retired = false;
    for (const record of await this.storage.loadRecords()) this.accounts.put(this.stateFor(record));
    this.scheduler.start();
    for (const state of this.accounts.all()) this.scheduler.schedule(state);
    this.logger.info('lifecycle-started', { accounts: this.accounts.size });
  }

  /** Cancels every timer. Requests already under way finish and are saved. */
  stop(): void {
    this.scheduler.stop();
  }

  /**
   * Stops for good: the session hands the accounts to a new lifecycle (after a lock, a backup import, at quit). A
   * caller still holding this one (a gateway request, a CLI refresh-all) gets 'vault-locked' and nothing is sent,
   * since the new lifecycle may already have rotated the refresh token this one holds.
   */
  retire(): void {
    this.retired = true;
    this.stop();
  }

  /** Stops, then waits for every token request under way to finish and be saved (before quit or a restart). */
  async drain(): Promise<void> {
    this.retire();
    const running = [...this.accounts.all()].flatMap((state) => (state.inFlight ? [state.inFlight.catch(() => undefined)] : []));
    await Promise.all(running);
    // Decrypted tokens go with it (a lock drops them); a stopped lifecycle never asks storage for them again.
    for (const state of this.accounts.all()) state.secrets = null;
  }

  list(): AccountSummary[] {
    return [...this.accounts.all()].map(summaryOf);
  }

  get(id: string): AccountSummary {
    return summaryOf(this.accounts.get(id));
  }

  async add(input: NewAccountInput): Promise<AccountSummary> {
    const parsed = parseOrThrow(newAccountSchema, input);
    this.assertHostAllowed(parsed.host);
    return this.accounts.reserving(parsed.label, parsed.email, parsed.host, async () => {
      const grant = await this.procedure.exchangeTyped(parsed.email, parsed.host, parsed.exchangeToken);
      const now = this.clock.now();
      const record: AccountRecord = {
        id: randomUUID(),
        label: parsed.label,
        email: parsed.email,
        host: parsed.host,
        autoRefresh: true,
        createdAt: now,
        lastUsedAt: null,
        accessIssuedAt: grant.issuedAt,
        accessExpiresAt: grant.expiresAt,
        lastRefreshAt: now,
        needsExchangeToken: false,
        refreshSentAt: null,
        lastError: null,
      };
      const secrets = { exchangeToken: parsed.exchangeToken, refreshToken: grant.refreshToken, accessToken: grant.accessToken };
      await this.saver.save(record, secrets);
      const state = newAccountState(record, secrets);
      state.jitterMs = this.scheduler.jitterFor(record);
      this.accounts.put(state);
      this.scheduler.schedule(state);
      this.events.changed(record.id);
      this.logger.info('account-added', { account: record.id, label: record.label, expiresInSeconds: secondsUntil(record.accessExpiresAt, now) });
      return summaryOf(state);
    });
  }

  async update(id: string, patchInput: AccountPatchInput): Promise<AccountSummary> {
    const state = this.accounts.get(id);
    const patch = parseOrThrow(accountPatchSchema, patchInput);
    if (patch.label !== undefined) this.accounts.assertLabelFree(patch.label, id);
    const email = patch.email ?? state.record.email;
    const host = patch.host ?? state.record.host;
    if (email !== state.record.email || host !== state.record.host) {
      this.assertHostAllowed(host);
      this.accounts.assertGrantFree(email, host, id);
      // The schema requires it with a move; the stored tokens belong to the old pair and are never sent to the new one.
      const exchangeToken = patch.exchangeToken;
      if (exchangeToken === undefined) throw new AppError('invalid-input', 'Exchange token: type the exchange token of the new e-mail and address.', 'exchangeToken');
      await this.procedure.exclusive(state, 'grant-change', async () => {
        const grant = await this.procedure.exchangeTyped(email, host, exchangeToken);
        await this.procedure.applyGrant(state, grant, { email, host }, exchangeToken);
        return { kind: 'success', via: 'exchange' };
      });
      this.logger.info('account-moved', { account: id, label: state.record.label });
    }
    // Applied in memory first, so a refresh finishing meanwhile saves its tokens with the new values.
    const previous = { label: state.record.label, autoRefresh: state.record.autoRefresh };
    state.record = {
      ...state.record,
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.autoRefresh !== undefined ? { autoRefresh: patch.autoRefresh } : {}),
    };
    try {
      await this.saver.save(state.record);
    } catch (error) {
      state.record = { ...state.record, ...previous };
      throw error;
    }
    if (!state.record.autoRefresh) this.scheduler.clearRetry(state);
    this.scheduler.schedule(state);
    this.events.changed(id);
    return summaryOf(state);
  }

  async replaceExchangeToken(id: string, exchangeTokenInput: string): Promise<AccountSummary> {
    const state = this.accounts.get(id);
    const exchangeToken = parseOrThrow(exchangeTokenSchema, exchangeTokenInput, 'exchangeToken');
    this.assertHostAllowed(state.record.host);
    await this.procedure.exclusive(state, 'grant-change', async () => {
      // A refused replacement changes nothing: the stored tokens stay as they were.
      const grant = await this.procedure.exchangeTyped(state.record.email, state.record.host, exchangeToken);
      await this.procedure.applyGrant(state, grant, {}, exchangeToken);
      return { kind: 'success', via: 'exchange' };
    });
    state.secretsUnreadable = false;
    this.logger.info('exchange-token-replaced', { account: id, label: state.record.label });
    this.scheduler.schedule(state);
    this.events.changed(id);
    return summaryOf(state);
  }

  async remove(id: string): Promise<void> {
    const state = this.accounts.get(id);
    state.removed = true;
    this.scheduler.cancel(state);
    this.accounts.delete(id);
    // A request still under way must finish (and be saved) before the removal, or it would bring the account back.
    await state.inFlight?.catch(() => undefined);
    await this.saver.remove(state.record);
    state.secrets = null;
    this.events.removed(id);
    this.logger.info('account-removed', { account: id });
  }

  async refresh(id: string): Promise<AccountSummary> {
    const state = this.accounts.get(id);
    const result = await this.procedure.request(state, 'manual');
    if (result.kind === 'failed') throw errorOf(result.error);
    return summaryOf(state);
  }

  async refreshAll(): Promise<RefreshAllReport> {
    const report: RefreshAllReport = { refreshed: 0, failed: [], skipped: 0 };
    const targets = [...this.accounts.all()].filter((state) => {
      const skip = state.secretsUnreadable || state.record.needsExchangeToken;
      if (skip) report.skipped += 1;
      return !skip;
    });
    const results = await Promise.all(targets.map(async (state) => ({ state, result: await this.procedure.request(state, 'manual') })));
    for (const { state, result } of results) {
      if (result.kind === 'success') report.refreshed += 1;
      else report.failed.push({ id: state.record.id, label: state.record.label, code: result.error.code, message: result.error.message });
    }
    return report;
  }

  async getFreshAccessToken(id: string, minValiditySeconds: number): Promise<FreshAccessToken> {
    if (this.retired) throw new AppError('vault-locked', 'These accounts were closed (locked, re-read or quitting): ask again.');
    const state = this.accounts.get(id);
    const minValidityMs = Math.max(0, minValiditySeconds) * 1000;
    if (state.secretsUnreadable) throw new AppError('secrets-unreadable', secretsUnreadableMessage(state.record.label));
    if (state.record.needsExchangeToken) throw errorOf(state.record.lastError ?? { code: 'needs-exchange-token', message: `"${state.record.label}" needs a new exchange token.` });

    const current = await this.validAccessToken(state, minValidityMs);
    if (current) return current;

    const result = await this.procedure.request(state, 'on-demand');
    if (result.kind === 'failed') throw errorOf(result.error);
    const fresh = await this.validAccessToken(state, minValidityMs);
    if (fresh) return fresh;
    const lifetime = secondsUntil(state.record.accessExpiresAt, this.clock.now());
    throw new AppError(
      'invalid-input',
      `Winbooks issues tokens for "${state.record.label}" that are valid for ${lifetime} s, less than the ${minValiditySeconds} s asked for. Ask for a shorter minimum validity.`,
    );
  }

  async reload(): Promise<void> {
    const records = await this.storage.loadRecords();
    const stored = new Set(records.map((record) => record.id));
    for (const record of records) {
      const existing = this.accounts.find(record.id);
      if (existing) await existing.inFlight?.catch(() => undefined);
      if (existing) this.scheduler.cancel(existing);
      const state = this.stateFor(record);
      this.accounts.put(state);
      this.scheduler.schedule(state);
      this.events.changed(record.id);
    }
    for (const id of this.accounts.ids()) {
      if (stored.has(id)) continue;
      const state = this.accounts.get(id);
      state.removed = true;
      this.scheduler.cancel(state);
      this.accounts.delete(id);
      this.events.removed(id);
    }
    this.logger.info('lifecycle-reloaded', { accounts: this.accounts.size });
  }

  resync(): void {
    if (!this.scheduler.isRunning) return;
    for (const state of this.accounts.all()) this.scheduler.schedule(state);
    this.scheduler.rewatch();
    this.logger.info('lifecycle-resynced', { accounts: this.accounts.size });
  }

  configure(settings: Partial<LifecycleSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.scheduler.refreshLeadSeconds = this.settings.refreshLeadSeconds;
    this.resync();
  }

  onChange(listener: (change: AccountsChange) => void): () => void {
    return this.events.onChange(listener);
  }

  onAttention(listener: (event: AttentionEvent) => void): () => void {
    return this.events.onAttention(listener);
  }

  private stateFor(record: AccountRecord): AccountState {
    const state = newAccountState(record, null);
    state.jitterMs = this.scheduler.jitterFor(record);
    return state;
  }

  private assertHostAllowed(host: string): void {
    const verdict = checkHost(host, this.settings);
    if (!verdict.ok) throw new AppError('host-not-allowed', verdict.reason, 'host', { host });
  }

  /** The stored access token when it is valid long enough and may be handed out (no refresh of it is unresolved). */
  private async validAccessToken(state: AccountState, minValidityMs: number): Promise<FreshAccessToken | null> {
    const expiresAt = state.record.accessExpiresAt;
    if (expiresAt === null || expiresAt - this.clock.now() < minValidityMs || accessTokenWithdrawn(state.record)) return null;
    let secrets;
    try {
      secrets = await this.procedure.secretsOf(state);
    } catch (error) {
      const result = this.procedure.secretsFailed(state, error);
      this.events.changed(state.record.id);
      throw errorOf(result.kind === 'failed' ? result.error : { code: 'internal', message: 'Unexpected state.' });
    }
    if (!secrets.accessToken) return null;
    const now = this.clock.now();
    const lastSaved = state.record.lastUsedAt;
    state.record = { ...state.record, lastUsedAt: now };
    // "Recently used" orders the tray; a script calling `get` in a loop need not cost a disk write each time.
    if (lastSaved === null || now - lastSaved >= LAST_USED_SAVE_INTERVAL_MS) this.saver.saveInBackground(state.record);
    this.events.changed(state.record.id);
    return { accessToken: secrets.accessToken, expiresAt, account: summaryOf(state) };
  }
}
