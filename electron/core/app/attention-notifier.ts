import type { AccountSummary } from '../../shared/account-summary';
import { FAILING_ATTENTION_MS } from './account-attention';
import type { Clock, TimerHandle } from '../common/clock';
import type { AccountsChange, AttentionEvent } from '../tokens/lifecycle-api';
import type { MainTexts } from './main-texts';
import type { Notifier } from './notices';
import { needsExchangeTokenNotice, refreshFailingNotice, secretsUnreadableNotice } from './notices';

export interface AttentionSource {
  onAccountsChanged(listener: (change: AccountsChange) => void): () => void;
  onAttention(listener: (event: AttentionEvent) => void): () => void;
}

/** How often accounts are re-checked for refreshes failing too long (no change event may come meanwhile). */
const CHECK_INTERVAL_MS = 60_000;

/**
 * Tells the user, once per episode, about an account that needs a new exchange token, whose secrets cannot be
 * read, or whose refresh has been failing for more than 15 minutes. `texts` is read for each notice, so a language
 * change applies to the next one.
 */
export function watchAttention(deps: { source: AttentionSource; notifier: Notifier; clock: Clock; texts: () => MainTexts }): () => void {
  const accounts = new Map<string, AccountSummary>();
  /** Accounts already told about for the current failing episode (keyed by its start). */
  const toldFailing = new Map<string, number>();
  let timer: TimerHandle | null = null;

  const checkFailing = (): void => {
    const now = deps.clock.now();
    for (const account of accounts.values()) {
      if (account.failingSince === null) {
        toldFailing.delete(account.id);
        continue;
      }
      if (now - account.failingSince > FAILING_ATTENTION_MS && toldFailing.get(account.id) !== account.failingSince) {
        toldFailing.set(account.id, account.failingSince);
        deps.notifier.notify(refreshFailingNotice(account, now, deps.texts()));
      }
    }
  };

  const tick = (): void => {
    checkFailing();
    timer = deps.clock.schedule(CHECK_INTERVAL_MS, tick);
  };

  const unsubscribeChanges = deps.source.onAccountsChanged((change) => {
    for (const account of change.changed) accounts.set(account.id, account);
    for (const id of change.removed) {
      accounts.delete(id);
      toldFailing.delete(id);
    }
    checkFailing();
  });
  const unsubscribeAttention = deps.source.onAttention((event) => {
    const texts = deps.texts();
    deps.notifier.notify(event.kind === 'needs-exchange-token' ? needsExchangeTokenNotice(event.account, texts) : secretsUnreadableNotice(event.account, texts));
  });
  timer = deps.clock.schedule(CHECK_INTERVAL_MS, tick);

  return () => {
    unsubscribeChanges();
    unsubscribeAttention();
    timer?.cancel();
  };
}
