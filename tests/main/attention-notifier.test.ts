import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { watchAttention } from '../../electron/core/app/attention-notifier';
import { MAIN_TEXTS } from '../../electron/core/app/main-texts';
import type { AccountsChange, AttentionEvent } from '../../electron/core/tokens/lifecycle-api';
import type { Notice } from '../../electron/core/app/notices';
import { copyNotice } from '../../electron/core/app/notices';
import { ManualClock } from '../support/manual-clock';
import { NOW, summary } from './account-fixtures';

function source() {
  const changes = new Set<(change: AccountsChange) => void>();
  const attention = new Set<(event: AttentionEvent) => void>();
  return {
    onAccountsChanged: (listener: (change: AccountsChange) => void) => (changes.add(listener), () => changes.delete(listener)),
    onAttention: (listener: (event: AttentionEvent) => void) => (attention.add(listener), () => attention.delete(listener)),
    change: (change: AccountsChange) => changes.forEach((listener) => listener(change)),
    attention: (event: AttentionEvent) => attention.forEach((listener) => listener(event)),
  };
}

describe('notifications', () => {
  test('the copy confirmation says who, how long it is valid and when the clipboard clears', () => {
    const notice = copyNotice({ account: summary({ label: 'ACME' }), format: 'token', expiresAt: NOW + 14 * 60_000 + 10_000, clearsInSeconds: 30, now: NOW }, MAIN_TEXTS.en);
    assert.equal(notice.body, 'ACME: token copied, valid 14 min; clipboard clears in 30 s');
    const never = copyNotice({ account: summary({ label: 'ACME' }), format: 'header', expiresAt: NOW + 3 * 3_600_000, clearsInSeconds: 0, now: NOW }, MAIN_TEXTS.en);
    assert.equal(never.body, 'ACME: Authorization header copied, valid 3 h; the clipboard is not cleared automatically');
  });

  test('an account that needs a new exchange token is reported at once', () => {
    const clock = new ManualClock(NOW);
    const events = source();
    const notices: Notice[] = [];
    watchAttention({ source: events, notifier: { notify: (notice) => notices.push(notice) }, clock, texts: () => MAIN_TEXTS.en });
    const garage = summary({ label: 'Garage', status: 'needs-exchange-token' });
    events.attention({ kind: 'needs-exchange-token', account: garage });
    assert.equal(notices.length, 1);
    assert.equal(notices[0]?.title, 'Garage: a new exchange token is needed');
    assert.equal(notices[0]?.accountId, garage.id);
  });

  test('a refresh failing for more than 15 minutes is reported once per episode', async () => {
    const clock = new ManualClock(NOW);
    const events = source();
    const notices: Notice[] = [];
    const stop = watchAttention({ source: events, notifier: { notify: (notice) => notices.push(notice) }, clock, texts: () => MAIN_TEXTS.en });
    const failing = summary({ label: 'Bakkerij', status: 'retrying', failingSince: NOW });
    events.change({ changed: [failing], removed: [] });
    await clock.advance(14 * 60_000);
    assert.equal(notices.length, 0);
    await clock.advance(2 * 60_000);
    assert.equal(notices.length, 1);
    assert.match(notices[0]?.body ?? '', /could not be reached for 16 min/u);
    await clock.advance(10 * 60_000);
    assert.equal(notices.length, 1, 'not repeated');
    events.change({ changed: [{ ...failing, status: 'ready', failingSince: null }], removed: [] });
    events.change({ changed: [{ ...failing, failingSince: clock.now() }], removed: [] });
    await clock.advance(16 * 60_000);
    assert.equal(notices.length, 2, 'a new episode is reported again');
    stop();
  });
});
