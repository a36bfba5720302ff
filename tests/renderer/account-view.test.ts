import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { viewOf } from '../../renderer/state/account-view';
import { summary } from './account-fixtures';

const now = 1_700_000_000_000;
const valid = { accessExpiresAt: now + 600_000, accessIssuedAt: now - 300_000 };
const expired = { accessExpiresAt: now - 1_000, accessIssuedAt: now - 900_000 };

describe('one honest state per account', () => {
  it('a revoked grant with a still-unexpired token: no countdown, no copy, no refresh, needs attention', () => {
    const view = viewOf(summary({ ...valid, status: 'needs-exchange-token' }), now);
    assert.equal(view.state, 'needs-exchange-token');
    assert.equal(view.countdownTo, null, 'no countdown to a token that is no longer handed out');
    assert.equal(view.canCopy, false);
    assert.equal(view.canRefresh, false);
    assert.equal(view.attention, true);
  });
  it('an expired token with auto-refresh off is flagged, and copying still works (it gets a fresh token)', () => {
    const view = viewOf(summary({ ...expired, status: 'auto-refresh-off', autoRefresh: false }), now);
    assert.equal(view.state, 'expired-manual');
    assert.equal(view.attention, true);
    assert.equal(view.canCopy, true);
    assert.equal(view.countdownTo, null);
  });
  it('a valid token with auto-refresh off is not an alarm', () => {
    const view = viewOf(summary({ ...valid, status: 'auto-refresh-off', autoRefresh: false }), now);
    assert.equal(view.state, 'auto-refresh-off');
    assert.equal(view.attention, false);
    assert.equal(view.countdownTo, valid.accessExpiresAt);
  });
  it('retrying keeps counting down the usable token; expired while failing is the danger state', () => {
    assert.equal(viewOf(summary({ ...valid, status: 'retrying', failingSince: now - 60_000 }), now).state, 'retrying');
    assert.equal(viewOf(summary({ ...expired, status: 'retrying', failingSince: now - 60_000 }), now).state, 'expired-failing');
  });
  it('ready with a valid token', () => {
    const view = viewOf(summary({ ...valid, status: 'ready' }), now);
    assert.deepEqual([view.state, view.tone, view.attention, view.canCopy], ['ready', 'ok', false, true]);
  });
});
