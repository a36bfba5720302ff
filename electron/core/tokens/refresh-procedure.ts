import { checkHost } from '../../shared/host-policy';
import type { HostPolicy, HostVerdict } from '../../shared/host-policy';
import { AppError } from '../common/app-error';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import type { TokenGrant, TokenOutcome, WinbooksTokenClient } from '../winbooks/token-types';
import type { AccountSaver } from './account-saver';
import { accessTokenWithdrawn, grantKeyOf } from './account-state';
import type { AccountState, LadderResult } from './account-state';
import type { AccountSecrets, AccountStorage } from './account-storage';
import type { ConcurrencyLimiter } from './concurrency-limiter';
import { LadderFailures } from './ladder-failures';
import type { LifecycleEvents } from './lifecycle-events';
import { failureOnNewGrant, hostNotAllowedError, secondsUntil } from './outcome-errors';
import type { RefreshScheduler } from './refresh-scheduler';

export interface RefreshProcedureDeps {
  client: WinbooksTokenClient;
  storage: AccountStorage;
  saver: AccountSaver;
  clock: Clock;
  logger: Logger;
  limiter: ConcurrencyLimiter;
  scheduler: RefreshScheduler;
  events: LifecycleEvents;
  hostPolicy: () => HostPolicy;
  /** True once the lifecycle was stopped (lock, reload, quit): a stopped lifecycle sends nothing, ever again. */
  retired: () => boolean;
}

export type RefreshReason = 'scheduled' | 'manual' | 'on-demand';

/**
 * How an account gets new tokens: the recovery ladder (refresh -> exchange -> the user must give a new exchange
 * token), one token operation per account at a time, and every new token durable before it counts.
 *
 * A refresh token is sent at most once, ever: before it leaves, the account is durably marked (refreshSentAt);
 * the mark is cleared only when the answer's tokens are stored, or when the request certainly never left. An
 * account found marked (after an unusable or lost answer, a 5xx, a timeout, or a crash) exchanges instead, and
 * its old access token is not handed out meanwhile. Secrets go only to the e-mail and host they were obtained for.
 */
export class RefreshProcedure {
  private readonly failures: LadderFailures;
  /** Host verdicts under the current policy object (a new policy object starts a new cache). */
  private readonly verdicts = new WeakMap<HostPolicy, Map<string, HostVerdict>>();

  constructor(private readonly deps: RefreshProcedureDeps) {
    this.failures = new LadderFailures(deps);
  }

  /** Single flight: a second caller while a refresh runs gets that refresh's result. Never rejects. */
  request(state: AccountState, reason: RefreshReason): Promise<LadderResult> {
    if (state.inFlight && state.inFlightKind === 'ladder') return state.inFlight;
    this.deps.scheduler.cancel(state);
    return this.exclusive(state, 'ladder', () => this.runLadder(state, reason)).catch(
      (error: unknown): LadderResult => ({ kind: 'failed', error: AppError.from(error).toShape(), final: true }),
    );
  }

  /**
   * Runs op as the account's only token operation, after any that is already running. A refresh arriving while
   * another refresh runs shares it; one arriving behind an edit waits for the edit, then runs (or shares) a refresh.
   */
  async exclusive(state: AccountState, kind: 'ladder' | 'grant-change', op: () => Promise<LadderResult>): Promise<LadderResult> {
    while (state.inFlight) {
      if (kind === 'ladder' && state.inFlightKind === 'ladder') return state.inFlight;
      await state.inFlight.catch(() => undefined);
    }
    if (state.removed) throw new AppError('unknown-account', `"${state.record.label}" was removed meanwhile; nothing was changed.`);
    // A caller holding a stopped lifecycle (a gateway request, a CLI refresh-all that began before a lock or a
    // reload) would send secrets the next lifecycle may already have rotated: refused, nothing sent.
    if (this.deps.retired()) throw new AppError('vault-locked', RETIRED_MESSAGE);
    const running = op();
    state.inFlight = running;
    state.inFlightKind = kind;
    this.deps.events.changed(state.record.id);
    try {
      return await running;
    } finally {
      state.inFlight = null;
      state.inFlightKind = null;
      if (!state.removed) {
        this.deps.scheduler.schedule(state);
        this.deps.events.changed(state.record.id);
      }
    }
  }

  /** Exchanges a token the user typed for the e-mail and host it was typed for. Rejects with the reason; saves nothing. */
  async exchangeTyped(email: string, host: string, exchangeToken: string): Promise<TokenGrant> {
    const outcome = await this.deps.limiter.run(() => this.deps.client.exchange({ host, email, exchangeToken }));
    if (outcome.kind !== 'success') {
      const shape = failureOnNewGrant(email, outcome);
      throw new AppError(shape.code, shape.message, shape.field);
    }
    return outcome.grant;
  }

  /**
   * Makes the new tokens current, then saves them durably. They become current first because the old refresh
   * token may already be superseded: if the save fails, the newest tokens must stay in use (and be saved again).
   */
  async applyGrant(state: AccountState, grant: TokenGrant, moved: { email?: string; host?: string }, exchangeToken: string): Promise<void> {
    if (state.removed) throw new AppError('unknown-account', `"${state.record.label}" was removed meanwhile; its new tokens were dropped.`);
    state.record = {
      ...state.record,
      ...moved,
      accessIssuedAt: grant.issuedAt,
      accessExpiresAt: grant.expiresAt,
      lastRefreshAt: this.deps.clock.now(),
      needsExchangeToken: false,
      refreshSentAt: null,
      lastError: null,
    };
    // Only what changed is sealed again: the exchange token is usually the one already stored.
    const exchangeTokenChanged = state.secrets?.exchangeToken !== exchangeToken;
    state.secrets = { exchangeToken, refreshToken: grant.refreshToken, accessToken: grant.accessToken };
    state.secretsFor = grantKeyOf(state.record.email, state.record.host);
    this.deps.scheduler.newToken(state);
    try {
      await this.deps.saver.save(state.record, exchangeTokenChanged ? state.secrets : { refreshToken: grant.refreshToken, accessToken: grant.accessToken });
    } catch (error) {
      state.record = { ...state.record, lastError: AppError.from(error).toShape() };
      throw error;
    }
  }

  async secretsOf(state: AccountState): Promise<AccountSecrets> {
    if (state.secrets) return state.secrets;
    const obtainedFor = grantKeyOf(state.record.email, state.record.host);
    const secrets = await this.deps.storage.readSecrets(state.record.id);
    // A refresh may have put newer tokens in memory while storage was read: those win.
    if (state.secrets === null) {
      state.secrets = secrets;
      state.secretsFor = obtainedFor;
    }
    return state.secrets;
  }

  /** Reading the secrets failed: a damaged record is flagged (and never retried), anything else is returned as is. */
  secretsFailed(state: AccountState, error: unknown): LadderResult {
    return this.failures.secretsFailed(state, error);
  }

  /** Refresh (unless the refresh token may be spent); when it is refused, exchange again; when that is refused too, ask the user. */
  private async runLadder(state: AccountState, reason: RefreshReason): Promise<LadderResult> {
    let secrets: AccountSecrets;
    try {
      secrets = await this.secretsOf(state);
    } catch (error) {
      return this.failures.secretsFailed(state, error);
    }
    const refusal = this.destinationRefusal(state);
    if (refusal !== null) return refusal;
    const { host, email } = state.record;
    const { client, limiter, logger } = this.deps;
    let via: 'refresh' | 'exchange' = 'exchange';
    let outcome: TokenOutcome | null = null;
    let refreshRefused = false;
    if (secrets.refreshToken !== null && !accessTokenWithdrawn(state.record)) {
      try {
        await this.markRefreshSent(state);
      } catch (error) {
        return this.failures.saveFailure(state, error);
      }
      if (state.removed) return removedResult();
      const refreshToken = secrets.refreshToken;
      const answer = await limiter.run(() => this.unlessRetired(() => client.refresh({ host, email, refreshToken })));
      if (answer === null) {
        // Locked or quitting while the mark was written or a request slot awaited: the refresh token never left.
        this.unmarkRefreshSent(state);
        return retiredResult();
      }
      outcome = answer;
      if (outcome.kind === 'rejected') {
        refreshRefused = true;
        logger.warn('refresh-token-refused', { account: state.record.id, status: outcome.status });
        outcome = null;
      } else {
        via = 'refresh';
        if (outcome.kind === 'transient' && !outcome.mayHaveArrived) this.unmarkRefreshSent(state);
      }
    }
    outcome ??= await limiter.run(() => this.unlessRetired(() => client.exchange({ host, email, exchangeToken: secrets.exchangeToken })));
    if (outcome === null) return retiredResult();
    if (state.removed) return removedResult();

    if (outcome.kind === 'success') {
      try {
        await this.applyGrant(state, outcome.grant, {}, secrets.exchangeToken);
      } catch (error) {
        return this.failures.saveFailure(state, error);
      }
      logger.info('token-refreshed', {
        account: state.record.id,
        label: state.record.label,
        via,
        reason,
        afterRefused: refreshRefused,
        expiresInSeconds: secondsUntil(outcome.grant.expiresAt, this.deps.clock.now()),
      });
      return { kind: 'success', via };
    }
    if (outcome.kind === 'rejected') return this.failures.grantRefused(state, outcome);
    return this.failures.transientFailure(state, outcome);
  }

  /** Durable before the refresh token leaves: a crash after this point makes the next start exchange instead. */
  /** Sends only if this lifecycle still owns the accounts when its turn comes (a lock or quit may land meanwhile). */
  private unlessRetired(send: () => Promise<TokenOutcome>): Promise<TokenOutcome | null> {
    return this.deps.retired() ? Promise.resolve(null) : send();
  }

  private async markRefreshSent(state: AccountState): Promise<void> {
    state.record = { ...state.record, refreshSentAt: this.deps.clock.now() };
    await this.deps.saver.save(state.record);
  }

  /** The request certainly never left (no connection was made): the refresh token is still unused. */
  private unmarkRefreshSent(state: AccountState): void {
    state.record = { ...state.record, refreshSentAt: null };
    // Not waited for: if this is lost, the next start merely exchanges.
    this.deps.saver.saveInBackground(state.record);
  }

  /**
   * Tokens go only where they came from: the account's host must pass the host policy, and the secrets in memory
   * must have been obtained for this very e-mail and host. Otherwise nothing is sent.
   */
  private destinationRefusal(state: AccountState): LadderResult | null {
    const { record } = state;
    const verdict = this.verdictFor(record.host);
    if (!verdict.ok || verdict.host !== record.host) {
      return this.failures.notContacted(state, hostNotAllowedError(record.label, record.host, verdict.ok ? 'It is not in its stored form.' : verdict.reason));
    }
    if (state.secretsFor !== grantKeyOf(record.email, record.host)) {
      this.deps.logger.error('secrets-destination-mismatch', { account: record.id });
      return this.failures.notContacted(state, {
        code: 'internal',
        message: `"${record.label}" was not contacted: its stored tokens were obtained for another e-mail or address. Use "Replace exchange token".`,
      });
    }
    return null;
  }

  private verdictFor(host: string): HostVerdict {
    const policy = this.deps.hostPolicy();
    let verdicts = this.verdicts.get(policy);
    if (verdicts === undefined) {
      verdicts = new Map();
      this.verdicts.set(policy, verdicts);
    }
    let verdict = verdicts.get(host);
    if (verdict === undefined) {
      verdict = checkHost(host, policy);
      verdicts.set(host, verdict);
    }
    return verdict;
  }
}

const RETIRED_MESSAGE = 'These accounts were closed (locked, re-read or quitting) meanwhile: nothing was sent.';

function retiredResult(): LadderResult {
  return { kind: 'failed', error: { code: 'vault-locked', message: RETIRED_MESSAGE }, final: true };
}

function removedResult(): LadderResult {
  return { kind: 'failed', error: { code: 'unknown-account', message: 'The account was removed.' }, final: true };
}
