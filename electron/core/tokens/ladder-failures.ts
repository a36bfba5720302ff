import type { AppErrorShape } from '../../shared/account-summary';
import { AppError } from '../common/app-error';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import type { TokenOutcome } from '../winbooks/token-types';
import type { AccountSaver } from './account-saver';
import { messageOf } from './account-saver';
import { accessTokenWithdrawn, summaryOf } from './account-state';
import type { AccountState, LadderResult } from './account-state';
import { SecretsUnreadableError } from './account-storage';
import type { LifecycleEvents } from './lifecycle-events';
import { formatDuration, needsExchangeTokenError, secondsUntil, secretsUnreadableMessage, transientError } from './outcome-errors';
import type { RefreshScheduler } from './refresh-scheduler';

interface LadderFailureDeps {
  saver: AccountSaver;
  clock: Clock;
  logger: Logger;
  scheduler: RefreshScheduler;
  events: LifecycleEvents;
}

/** How each way a ladder run can fail is recorded on the account: its error, its retry, and who is told. */
export class LadderFailures {
  constructor(private readonly deps: LadderFailureDeps) {}

  /** Both the refresh token and the exchange token were refused: only the user can fix it; every secret is kept. */
  async grantRefused(state: AccountState, outcome: Extract<TokenOutcome, { kind: 'rejected' }>): Promise<LadderResult> {
    const error = needsExchangeTokenError(state.record.label, outcome);
    this.deps.scheduler.clearRetry(state);
    state.record = { ...state.record, needsExchangeToken: true, lastError: error };
    this.deps.logger.warn('needs-exchange-token', { account: state.record.id, label: state.record.label, status: outcome.status });
    try {
      await this.deps.saver.save(state.record);
    } catch (persistError) {
      this.deps.logger.error('persist-failed', { account: state.record.id, reason: messageOf(persistError) });
    }
    this.deps.events.attention({ kind: 'needs-exchange-token', account: summaryOf(state) });
    return { kind: 'failed', error, final: true };
  }

  /** Winbooks could not be reached or gave an unusable answer: back off, and say what still works. */
  transientFailure(state: AccountState, outcome: Extract<TokenOutcome, { kind: 'transient' }>): LadderResult {
    const now = this.deps.clock.now();
    const retryAt = this.deps.scheduler.failed(state);
    const base = transientError(outcome);
    let message = base.message;
    if (retryAt !== null) message += ` Retrying automatically in ${Math.round((retryAt - now) / 1000)} s.`;
    const stillValid = secondsUntil(state.record.accessExpiresAt, now);
    if (accessTokenWithdrawn(state.record)) message += ' The current token is no longer handed out: Winbooks may have replaced it.';
    else if (stillValid > 0) message += ` The current token stays usable for ${formatDuration(stillValid)}.`;
    const error: AppErrorShape = { code: base.code, message };
    state.record = { ...state.record, lastError: error };
    this.deps.logger.warn('token-request-failed', {
      account: state.record.id,
      reason: outcome.reason,
      status: outcome.status,
      mayHaveArrived: outcome.mayHaveArrived,
      attempt: state.failedAttempts,
    });
    return { kind: 'failed', error, final: false };
  }

  /** The tokens arrived but could not be saved: retry with backoff (the next refresh saves them), never at once. */
  saveFailure(state: AccountState, error: unknown): LadderResult {
    const now = this.deps.clock.now();
    const retryAt = this.deps.scheduler.failed(state);
    const shape = AppError.from(error).toShape();
    if (retryAt !== null) shape.message += ` Retrying in ${Math.round((retryAt - now) / 1000)} s.`;
    state.record = { ...state.record, lastError: shape };
    return { kind: 'failed', error: shape, final: false };
  }

  /** Nothing was sent (the destination is not allowed): recorded, retried slowly in case the setting changes. */
  notContacted(state: AccountState, error: AppErrorShape): LadderResult {
    this.deps.scheduler.failed(state);
    state.record = { ...state.record, lastError: error };
    this.deps.logger.warn('not-contacted', { account: state.record.id, code: error.code });
    return { kind: 'failed', error, final: true };
  }

  secretsFailed(state: AccountState, error: unknown): LadderResult {
    if (error instanceof SecretsUnreadableError) {
      state.secretsUnreadable = true;
      this.deps.scheduler.cancel(state);
      const shape: AppErrorShape = { code: 'secrets-unreadable', message: secretsUnreadableMessage(state.record.label) };
      state.record = { ...state.record, lastError: shape };
      this.deps.logger.error('secrets-unreadable', { account: state.record.id });
      this.deps.events.attention({ kind: 'secrets-unreadable', account: summaryOf(state) });
      return { kind: 'failed', error: shape, final: true };
    }
    return { kind: 'failed', error: AppError.from(error).toShape(), final: false };
  }
}
