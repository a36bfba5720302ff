import { randomUUID } from 'node:crypto';
import { accountPatchSchema, exchangeTokenSchema, fieldErrorsOf, newAccountSchema } from '../../shared/account-input';
import type { AccountPatchInput, NewAccountInput } from '../../shared/account-input';
import type { AccountSummary, AppErrorShape } from '../../shared/account-summary';
import { newAccountState, summaryOf } from './account-state';
import type { AccountState, LadderResult } from './account-state';
import { SecretsUnreadableError } from './account-storage';
import type { AccountRecord, AccountSecrets, AccountStorage } from './account-storage';
import { AppError } from '../common/app-error';
import { ChangeBatcher } from './change-batcher';
import { systemClock } from '../common/clock';
import type { Clock } from '../common/clock';
import { ClockJumpWatch } from './clock-jump-watch';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { TimerQueue } from './timer-queue';
import type {
  AccountsChange,
  AttentionEvent,
  FreshAccessToken,
  LifecycleSettings,
  RefreshAllReport,
  TokenLifecycleApi,
} from './lifecycle-api';
import { silentLogger } from '../common/logger';
import type { Logger } from '../common/logger';
import { failureOnNewGrant, needsExchangeTokenError, transientError } from './outcome-errors';
import { backoffDelayMs, drawJitterMs, refreshDueAt } from './refresh-schedule';
import type { TokenGrant, TokenOutcome, WinbooksTokenClient } from '../winbooks/token-types';
import type { z } from 'zod';

export interface TokenLifecycleDeps {
  client: WinbooksTokenClient;
  storage: AccountStorage;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  maxConcurrentRequests?: number;
  settings?: Partial<LifecycleSettings>;
}

/** A timer that fires this much after its wall-clock due time is reported as late. */
const LATE_TIMER_NOTICE_MS = 5_000;
/** lastUsedAt is saved at most this often per account (it is kept current in memory). */
const LAST_USED_SAVE_INTERVAL_MS = 60_000;

/**
 * Owns every account's tokens: schedules refreshes ahead of expiry, runs the recovery ladder
 * (refresh -> exchange -> ask the user), backs off on outages and persists every new token before
 * it counts as refreshed. At most one token request per account runs at a time.
 */
export class TokenLifecycle implements TokenLifecycleApi {
  private readonly accounts = new Map<string, AccountState>();
  private readonly client: WinbooksTokenClient;
  private readonly storage: AccountStorage;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly random: () => number;
  private readonly limiter: ConcurrencyLimiter;
  private readonly changes: ChangeBatcher;
  private readonly clockWatch: ClockJumpWatch;
  private readonly timers: TimerQueue;
  private readonly changeListeners = new Set<(change: AccountsChange) => void>();
  private readonly attentionListeners = new Set<(event: AttentionEvent) => void>();
  private settings: LifecycleSettings;
  private running = false;
  /** Labels of accounts being added, so two adds at once cannot take the same label. */
  private readonly pendingLabels = new Set<string>();

  constructor(deps: TokenLifecycleDeps) {
    this.client = deps.client;
    this.storage = deps.storage;
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
    this.random = deps.random ?? Math.random;
    this.limiter = new ConcurrencyLimiter(deps.maxConcurrentRequests ?? 4);
    this.settings = { refreshLeadSeconds: null, ...deps.settings };
    this.changes = new ChangeBatcher((changed, removed) => this.emitChange(changed, removed));
    this.timers = new TimerQueue(this.clock);
    this.clockWatch = new ClockJumpWatch(this.clock, (jumpMs) => {
      this.logger.warn('clock-jump', { jumpSeconds: Math.round(jumpMs / 1000) });
      this.resync();
    });
  }

  /** Loads every account from storage (metadata only) and schedules its refresh. */
  async start(): Promise<void> {
    const records = await this.storage.loadRecords();
    for (const record of records) this.accounts.set(record.id, newAccountState(record, null));
    this.running = true;
    this.clockWatch.start();
    for (const state of this.accounts.values()) {
      state.jitterMs = this.jitterFor(state.record);
      this.schedule(state);
    }
    this.logger.info('lifecycle-started', { accounts: this.accounts.size });
  }

  /** Cancels every timer. Requests already under way finish and are saved. */
  stop(): void {
    this.running = false;
    this.clockWatch.stop();
    for (const state of this.accounts.values()) this.cancelTimer(state);
    this.timers.clear();
  }

  /** Stops, then waits for every token request under way to finish and be saved (before quit or a restart). */
  async drain(): Promise<void> {
    this.stop();
    const running = [...this.accounts.values()].flatMap((state) => (state.inFlight ? [state.inFlight.catch(() => undefined)] : []));
    await Promise.all(running);
  }

  list(): AccountSummary[] {
    return [...this.accounts.values()].map(summaryOf);
  }

  get(id: string): AccountSummary {
    return summaryOf(this.stateOf(id));
  }

  async add(input: NewAccountInput): Promise<AccountSummary> {
    const parsed = parseOrThrow(newAccountSchema, input);
    this.assertLabelFree(parsed.label, null);
    const labelKey = labelKeyOf(parsed.label);
    this.pendingLabels.add(labelKey);
    try {
      return await this.addChecked(parsed);
    } finally {
      this.pendingLabels.delete(labelKey);
    }
  }

  private async addChecked(parsed: z.output<typeof newAccountSchema>): Promise<AccountSummary> {
    const outcome = await this.limiter.run(() =>
      this.client.exchange({ host: parsed.host, email: parsed.email, exchangeToken: parsed.exchangeToken }),
    );
    if (outcome.kind !== 'success') throw errorOf(failureOnNewGrant(parsed.email, outcome));
    const now = this.clock.now();
    const record: AccountRecord = {
      id: randomUUID(),
      label: parsed.label,
      email: parsed.email,
      host: parsed.host,
      autoRefresh: true,
      createdAt: now,
      lastUsedAt: null,
      accessIssuedAt: outcome.grant.issuedAt,
      accessExpiresAt: outcome.grant.expiresAt,
      lastRefreshAt: now,
      needsExchangeToken: false,
      refreshSentAt: null,
      lastError: null,
    };
    const secrets: AccountSecrets = {
      exchangeToken: parsed.exchangeToken,
      refreshToken: outcome.grant.refreshToken,
      accessToken: outcome.grant.accessToken,
    };
    await this.persist(record, secrets);
    const state = newAccountState(record, secrets);
    state.jitterMs = this.jitterFor(record);
    this.accounts.set(record.id, state);
    this.schedule(state);
    this.changes.markChanged(record.id);
    this.logger.info('account-added', { account: record.id, label: record.label, expiresInSeconds: secondsUntil(record.accessExpiresAt, now) });
    return summaryOf(state);
  }

  async update(id: string, patchInput: AccountPatchInput): Promise<AccountSummary> {
    const state = this.stateOf(id);
    const patch = parseOrThrow(accountPatchSchema, patchInput);
    if (patch.label !== undefined) this.assertLabelFree(patch.label, id);
    const grantMoves =
      (patch.email !== undefined && patch.email !== state.record.email) || (patch.host !== undefined && patch.host !== state.record.host);
    if (grantMoves) {
      // The tokens belong to the grant's e-mail and host: prove the new pair with the stored exchange token first.
      await this.exclusive(state, 'grant-change', async () => {
        const secrets = await this.secretsOf(state);
        const email = patch.email ?? state.record.email;
        const host = patch.host ?? state.record.host;
        const outcome = await this.limiter.run(() => this.client.exchange({ host, email, exchangeToken: secrets.exchangeToken }));
        if (outcome.kind !== 'success') throw errorOf(failureOnNewGrant(email, outcome));
        await this.applyGrant(state, outcome.grant, { email, host }, secrets.exchangeToken);
        return { kind: 'success', via: 'exchange' };
      });
    }
    // Applied in memory first, so a refresh finishing meanwhile saves its tokens with the new values.
    const previous = { label: state.record.label, autoRefresh: state.record.autoRefresh };
    state.record = {
      ...state.record,
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.autoRefresh !== undefined ? { autoRefresh: patch.autoRefresh } : {}),
    };
    try {
      await this.persist(state.record);
    } catch (error) {
      state.record = { ...state.record, ...previous };
      throw error;
    }
    if (!state.record.autoRefresh) this.clearRetry(state);
    this.schedule(state);
    this.changes.markChanged(id);
    return summaryOf(state);
  }

  async replaceExchangeToken(id: string, exchangeTokenInput: string): Promise<AccountSummary> {
    const state = this.stateOf(id);
    const exchangeToken = parseOrThrow(exchangeTokenSchema, exchangeTokenInput, 'exchangeToken');
    await this.exclusive(state, 'grant-change', async () => {
      const outcome = await this.limiter.run(() =>
        this.client.exchange({ host: state.record.host, email: state.record.email, exchangeToken }),
      );
      // A refused replacement changes nothing: the stored tokens stay as they were.
      if (outcome.kind !== 'success') throw errorOf(failureOnNewGrant(state.record.email, outcome));
      await this.applyGrant(state, outcome.grant, {}, exchangeToken);
      return { kind: 'success', via: 'exchange' };
    });
    state.secretsUnreadable = false;
    this.logger.info('exchange-token-replaced', { account: id, label: state.record.label });
    this.schedule(state);
    this.changes.markChanged(id);
    return summaryOf(state);
  }

  async remove(id: string): Promise<void> {
    const state = this.stateOf(id);
    state.removed = true;
    this.cancelTimer(state);
    this.accounts.delete(id);
    // A request still under way must finish (and be saved) before the removal, or it would bring the account back.
    await state.inFlight?.catch(() => undefined);
    try {
      await this.storage.remove(id);
    } catch (error) {
      throw new AppError('storage-failed', `"${state.record.label}" could not be removed from disk (${messageOf(error)}). Try again.`);
    }
    state.secrets = null;
    this.changes.markRemoved(id);
    this.logger.info('account-removed', { account: id });
  }

  async refresh(id: string): Promise<AccountSummary> {
    const state = this.stateOf(id);
    const result = await this.requestTokens(state, 'manual');
    if (result.kind === 'failed') throw errorOf(result.error);
    return summaryOf(state);
  }

  async refreshAll(): Promise<RefreshAllReport> {
    const report: RefreshAllReport = { refreshed: 0, failed: [], skipped: 0 };
    const targets = [...this.accounts.values()].filter((state) => {
      const skip = state.secretsUnreadable || state.record.needsExchangeToken;
      if (skip) report.skipped += 1;
      return !skip;
    });
    const results = await Promise.all(targets.map(async (state) => ({ state, result: await this.requestTokens(state, 'manual') })));
    for (const { state, result } of results) {
      if (result.kind === 'success') report.refreshed += 1;
      else report.failed.push({ id: state.record.id, label: state.record.label, code: result.error.code, message: result.error.message });
    }
    return report;
  }

  async getFreshAccessToken(id: string, minValiditySeconds: number): Promise<FreshAccessToken> {
    const state = this.stateOf(id);
    const minValidityMs = Math.max(0, minValiditySeconds) * 1000;
    if (state.secretsUnreadable) throw new AppError('secrets-unreadable', secretsUnreadableMessage(state.record.label));
    if (state.record.needsExchangeToken) throw errorOf(state.record.lastError ?? { code: 'needs-exchange-token', message: `"${state.record.label}" needs a new exchange token.` });

    const current = await this.validAccessToken(state, minValidityMs);
    if (current) return current;

    const result = await this.requestTokens(state, 'on-demand');
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
      const existing = this.accounts.get(record.id);
      if (existing) await existing.inFlight?.catch(() => undefined);
      const state = newAccountState(record, null);
      state.jitterMs = this.jitterFor(record);
      if (existing) this.cancelTimer(existing);
      this.accounts.set(record.id, state);
      this.schedule(state);
      this.changes.markChanged(record.id);
    }
    for (const [id, state] of this.accounts) {
      if (stored.has(id)) continue;
      state.removed = true;
      this.cancelTimer(state);
      this.accounts.delete(id);
      this.changes.markRemoved(id);
    }
    this.logger.info('lifecycle-reloaded', { accounts: this.accounts.size });
  }

  resync(): void {
    if (!this.running) return;
    for (const state of this.accounts.values()) this.schedule(state);
    this.clockWatch.start();
    this.logger.info('lifecycle-resynced', { accounts: this.accounts.size });
  }

  configure(settings: Partial<LifecycleSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.resync();
  }

  onChange(listener: (change: AccountsChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onAttention(listener: (event: AttentionEvent) => void): () => void {
    this.attentionListeners.add(listener);
    return () => this.attentionListeners.delete(listener);
  }

  // ---- token requests ----

  /** Single flight: a second caller while a refresh runs gets that refresh's result. Never rejects. */
  private requestTokens(state: AccountState, reason: 'scheduled' | 'manual' | 'on-demand'): Promise<LadderResult> {
    if (state.inFlight && state.inFlightKind === 'ladder') return state.inFlight;
    this.cancelTimer(state);
    return this.exclusive(state, 'ladder', () => this.runLadder(state, reason)).catch(
      (error: unknown): LadderResult => ({ kind: 'failed', error: AppError.from(error).toShape(), final: true }),
    );
  }

  /**
   * Runs op as the account's only token operation, after any that is already running. A refresh arriving while
   * another refresh runs shares it; one arriving behind an edit waits for the edit, then runs (or shares) a refresh.
   */
  private async exclusive(state: AccountState, kind: 'ladder' | 'grant-change', op: () => Promise<LadderResult>): Promise<LadderResult> {
    while (state.inFlight) {
      if (kind === 'ladder' && state.inFlightKind === 'ladder') return state.inFlight;
      await state.inFlight.catch(() => undefined);
    }
    if (state.removed) throw new AppError('unknown-account', `"${state.record.label}" was removed meanwhile; nothing was changed.`);
    const running = op();
    state.inFlight = running;
    state.inFlightKind = kind;
    this.changes.markChanged(state.record.id);
    try {
      return await running;
    } finally {
      state.inFlight = null;
      state.inFlightKind = null;
      if (!state.removed) {
        this.schedule(state);
        this.changes.markChanged(state.record.id);
      }
    }
  }

  /** Refresh; when the refresh token is refused, exchange again; when that is refused too, ask the user. */
  private async runLadder(state: AccountState, reason: string): Promise<LadderResult> {
    let secrets: AccountSecrets;
    try {
      secrets = await this.secretsOf(state);
    } catch (error) {
      return this.secretsFailed(state, error);
    }
    const { host, email } = state.record;
    let via: 'refresh' | 'exchange' = 'refresh';
    let refreshRefused = false;
    const outcome = await this.limiter.run(async (): Promise<TokenOutcome> => {
      if (secrets.refreshToken) {
        const refreshed = await this.client.refresh({ host, email, refreshToken: secrets.refreshToken });
        if (refreshed.kind !== 'rejected') return refreshed;
        refreshRefused = true;
        this.logger.warn('refresh-token-refused', { account: state.record.id, status: refreshed.status });
      }
      via = 'exchange';
      return this.client.exchange({ host, email, exchangeToken: secrets.exchangeToken });
    });
    if (state.removed) return { kind: 'failed', error: { code: 'unknown-account', message: 'The account was removed.' }, final: true };

    if (outcome.kind === 'success') {
      try {
        await this.applyGrant(state, outcome.grant, {}, secrets.exchangeToken);
      } catch (error) {
        return this.saveFailure(state, error);
      }
      this.logger.info('token-refreshed', {
        account: state.record.id,
        label: state.record.label,
        via,
        reason,
        afterRefused: refreshRefused,
        expiresInSeconds: secondsUntil(outcome.grant.expiresAt, this.clock.now()),
      });
      return { kind: 'success', via };
    }
    if (outcome.kind === 'rejected') return this.grantRefused(state, outcome);
    return this.transientFailure(state, outcome);
  }

  /**
   * Makes the new tokens current, then saves them durably. They become current first because the old refresh
   * token may already be superseded: if the save fails, the newest tokens must stay in use (and be saved again).
   */
  private async applyGrant(
    state: AccountState,
    grant: TokenGrant,
    moved: { email?: string; host?: string },
    exchangeToken: string,
  ): Promise<void> {
    if (state.removed) throw new AppError('unknown-account', `"${state.record.label}" was removed meanwhile; its new tokens were dropped.`);
    state.record = {
      ...state.record,
      ...moved,
      accessIssuedAt: grant.issuedAt,
      accessExpiresAt: grant.expiresAt,
      lastRefreshAt: this.clock.now(),
      needsExchangeToken: false,
      lastError: null,
    };
    // Only what changed is sealed again: the exchange token is usually the one already stored.
    const exchangeTokenChanged = state.secrets?.exchangeToken !== exchangeToken;
    state.secrets = { exchangeToken, refreshToken: grant.refreshToken, accessToken: grant.accessToken };
    state.jitterMs = this.jitterFor(state.record);
    this.clearRetry(state);
    try {
      await this.persist(state.record, exchangeTokenChanged ? state.secrets : { refreshToken: grant.refreshToken, accessToken: grant.accessToken });
    } catch (error) {
      state.record = { ...state.record, lastError: AppError.from(error).toShape() };
      throw error;
    }
  }

  /** The tokens arrived but could not be saved: retry with backoff (the next refresh saves them), never at once. */
  private saveFailure(state: AccountState, error: unknown): LadderResult {
    const now = this.clock.now();
    state.failedAttempts += 1;
    state.failingSince ??= now;
    const shape = AppError.from(error).toShape();
    if (state.record.autoRefresh) {
      state.retryAt = now + backoffDelayMs(state.failedAttempts, this.random);
      shape.message += ` Retrying in ${Math.round((state.retryAt - now) / 1000)} s.`;
    }
    state.record = { ...state.record, lastError: shape };
    return { kind: 'failed', error: shape, final: false };
  }

  private async grantRefused(state: AccountState, outcome: Extract<TokenOutcome, { kind: 'rejected' }>): Promise<LadderResult> {
    const error = needsExchangeTokenError(state.record.label, outcome);
    const record: AccountRecord = { ...state.record, needsExchangeToken: true, lastError: error };
    this.clearRetry(state);
    state.record = record;
    this.logger.warn('needs-exchange-token', { account: record.id, label: record.label, status: outcome.status });
    try {
      await this.persist(record);
    } catch (persistError) {
      this.logger.error('persist-failed', { account: record.id, reason: messageOf(persistError) });
    }
    this.emitAttention({ kind: 'needs-exchange-token', account: summaryOf(state) });
    return { kind: 'failed', error, final: true };
  }

  private transientFailure(state: AccountState, outcome: Extract<TokenOutcome, { kind: 'transient' }>): LadderResult {
    const now = this.clock.now();
    state.failedAttempts += 1;
    state.failingSince ??= now;
    const base = transientError(outcome);
    let message = base.message;
    if (state.record.autoRefresh) {
      state.retryAt = now + backoffDelayMs(state.failedAttempts, this.random);
      message += ` Retrying automatically in ${Math.round((state.retryAt - now) / 1000)} s.`;
    }
    const stillValid = secondsUntil(state.record.accessExpiresAt, now);
    if (stillValid > 0) message += ` The current token stays usable for ${formatDuration(stillValid)}.`;
    const error: AppErrorShape = { code: base.code, message };
    state.record = { ...state.record, lastError: error };
    this.logger.warn('token-request-failed', {
      account: state.record.id,
      reason: outcome.reason,
      status: outcome.status,
      attempt: state.failedAttempts,
    });
    return { kind: 'failed', error, final: false };
  }

  private secretsFailed(state: AccountState, error: unknown): LadderResult {
    if (error instanceof SecretsUnreadableError) {
      state.secretsUnreadable = true;
      this.cancelTimer(state);
      const shape: AppErrorShape = { code: 'secrets-unreadable', message: secretsUnreadableMessage(state.record.label) };
      state.record = { ...state.record, lastError: shape };
      this.logger.error('secrets-unreadable', { account: state.record.id });
      this.emitAttention({ kind: 'secrets-unreadable', account: summaryOf(state) });
      return { kind: 'failed', error: shape, final: true };
    }
    const shape = AppError.from(error).toShape();
    return { kind: 'failed', error: shape, final: false };
  }

  private async secretsOf(state: AccountState): Promise<AccountSecrets> {
    if (state.secrets) return state.secrets;
    const secrets = await this.storage.readSecrets(state.record.id);
    // A refresh may have put newer tokens in memory while storage was read: those win.
    state.secrets ??= secrets;
    return state.secrets;
  }

  private async validAccessToken(state: AccountState, minValidityMs: number): Promise<FreshAccessToken | null> {
    const expiresAt = state.record.accessExpiresAt;
    if (expiresAt === null || expiresAt - this.clock.now() < minValidityMs) return null;
    let secrets: AccountSecrets;
    try {
      secrets = await this.secretsOf(state);
    } catch (error) {
      throw errorOf(this.secretsFailedShape(state, error));
    }
    if (!secrets.accessToken) return null;
    const now = this.clock.now();
    const lastSaved = state.record.lastUsedAt;
    state.record = { ...state.record, lastUsedAt: now };
    // "Recently used" orders the tray; a script calling `get` in a loop need not cost a disk write each time.
    if (lastSaved === null || now - lastSaved >= LAST_USED_SAVE_INTERVAL_MS) this.persistInBackground(state);
    this.changes.markChanged(state.record.id);
    return { accessToken: secrets.accessToken, expiresAt, account: summaryOf(state) };
  }

  private secretsFailedShape(state: AccountState, error: unknown): AppErrorShape {
    const result = this.secretsFailed(state, error);
    this.changes.markChanged(state.record.id);
    return result.kind === 'failed' ? result.error : { code: 'internal', message: 'Unexpected state.' };
  }

  // ---- scheduling ----

  private schedule(state: AccountState): void {
    this.cancelTimer(state);
    state.nextRefreshAt = null;
    const { record } = state;
    if (!this.running || state.removed || state.inFlight || state.secretsUnreadable || record.needsExchangeToken || !record.autoRefresh) return;
    const now = this.clock.now();
    let dueAt: number;
    if (state.retryAt !== null) dueAt = state.retryAt;
    else if (record.accessExpiresAt === null || record.accessIssuedAt === null) dueAt = now;
    else dueAt = refreshDueAt(record.accessIssuedAt, record.accessExpiresAt, this.settings.refreshLeadSeconds, state.jitterMs);
    state.nextRefreshAt = Math.max(dueAt, now);
    state.timer = this.timers.schedule(Math.max(0, dueAt - now), () => this.onTimer(state, dueAt));
    this.changes.markChanged(record.id);
  }

  private onTimer(state: AccountState, dueAt: number): void {
    state.timer = null;
    const now = this.clock.now();
    // Timers can fire early (very long delays are capped) or late (sleep, clock change): wall time decides.
    if (now < dueAt) {
      this.schedule(state);
      return;
    }
    if (now - dueAt > LATE_TIMER_NOTICE_MS) {
      this.logger.warn('refresh-timer-late', { account: state.record.id, lateSeconds: Math.round((now - dueAt) / 1000) });
    }
    void this.requestTokens(state, 'scheduled');
  }

  private cancelTimer(state: AccountState): void {
    state.timer?.cancel();
    state.timer = null;
  }

  private clearRetry(state: AccountState): void {
    state.failedAttempts = 0;
    state.failingSince = null;
    state.retryAt = null;
  }

  private jitterFor(record: AccountRecord): number {
    if (record.accessExpiresAt === null || record.accessIssuedAt === null) return 0;
    const lifetime = record.accessExpiresAt - record.accessIssuedAt;
    const lead = record.accessExpiresAt - refreshDueAt(record.accessIssuedAt, record.accessExpiresAt, this.settings.refreshLeadSeconds, 0);
    return lifetime > 0 ? drawJitterMs(lead, this.random) : 0;
  }

  // ---- persistence and events ----

  private async persist(record: AccountRecord, secrets?: Partial<AccountSecrets>): Promise<void> {
    try {
      await this.storage.save(record, secrets);
    } catch (error) {
      this.logger.error('persist-failed', { account: record.id, reason: messageOf(error) });
      throw new AppError('storage-failed', `The change to "${record.label}" could not be saved to disk (${messageOf(error)}). Check free disk space, then try again.`);
    }
  }

  private persistInBackground(state: AccountState): void {
    const record = state.record;
    this.storage.save(record).catch((error: unknown) => {
      this.logger.warn('persist-failed', { account: record.id, reason: messageOf(error) });
    });
  }

  private emitChange(changedIds: string[], removed: string[]): void {
    if (this.changeListeners.size === 0) return;
    const changed = changedIds.flatMap((id) => {
      const state = this.accounts.get(id);
      return state ? [summaryOf(state)] : [];
    });
    if (changed.length === 0 && removed.length === 0) return;
    for (const listener of this.changeListeners) this.callListener('change', () => listener({ changed, removed }));
  }

  private emitAttention(event: AttentionEvent): void {
    this.changes.markChanged(event.account.id);
    for (const listener of this.attentionListeners) this.callListener('attention', () => listener(event));
  }

  /** A listener that throws (a window that is gone, say) must not break the lifecycle or crash main. */
  private callListener(kind: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.logger.error('listener-failed', { kind, reason: messageOf(error) });
    }
  }

  private stateOf(id: string): AccountState {
    const state = this.accounts.get(id);
    if (!state) throw new AppError('unknown-account', `No account with id ${id}: it may have been removed. Reload the list.`);
    return state;
  }

  private assertLabelFree(label: string, exceptId: string | null): void {
    const wanted = labelKeyOf(label);
    const taken =
      this.pendingLabels.has(wanted) ||
      [...this.accounts.values()].some((state) => state.record.id !== exceptId && labelKeyOf(state.record.label) === wanted);
    if (taken) throw new AppError('duplicate-label', `Label: "${label}" is already used by another account; choose another name.`, 'label');
  }
}

function labelKeyOf(label: string): string {
  return label.trim().toLocaleLowerCase();
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, field?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [first] = fieldErrorsOf(result.error);
  throw new AppError('invalid-input', first?.message ?? 'The input is not valid.', field ?? first?.field);
}

function errorOf(shape: AppErrorShape): AppError {
  return new AppError(shape.code, shape.message, shape.field);
}

function secondsUntil(instant: number | null, now: number): number {
  return instant === null ? 0 : Math.max(0, Math.floor((instant - now) / 1000));
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min`;
}

function secretsUnreadableMessage(label: string): string {
  return `The stored tokens of "${label}" are damaged and cannot be decrypted; the other accounts are fine. Use "Replace exchange token" with a new exchange token to repair it.`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
