import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attentionCount, matchesSearch, needsAttention, visibleAccounts } from '../../renderer/state/account-list';
import { summary } from './account-fixtures';

const collator = new Intl.Collator('fr-BE', { numeric: true, sensitivity: 'base' });

describe('search', () => {
  const account = summary({ label: 'Société Générale', email: 'Compta@SG.example.be' });
  it('matches label or e-mail, ignoring case and accents', () => {
    assert.equal(matchesSearch(account, 'societe'), true);
    assert.equal(matchesSearch(account, 'compta@sg'), true);
    assert.equal(matchesSearch(account, '  GÉNÉRALE '), true);
    assert.equal(matchesSearch(account, 'dupont'), false);
    assert.equal(matchesSearch(account, ''), true);
  });
});

describe('needs attention', () => {
  it('covers accounts only the user can fix and failing refreshes', () => {
    assert.equal(needsAttention(summary({ status: 'needs-exchange-token' })), true);
    assert.equal(needsAttention(summary({ status: 'secrets-unreadable' })), true);
    assert.equal(needsAttention(summary({ status: 'retrying' })), true);
    assert.equal(needsAttention(summary({ status: 'ready', failingSince: 5 })), true);
    assert.equal(needsAttention(summary({ status: 'ready' })), false);
    assert.equal(needsAttention(summary({ status: 'auto-refresh-off' })), false);
  });
});

describe('visibleAccounts', () => {
  const a = summary({ label: 'Client 10', accessExpiresAt: 5_000, status: 'ready' });
  const b = summary({ label: 'client 2', accessExpiresAt: 9_000, status: 'needs-exchange-token' });
  const c = summary({ label: 'Ärzte', email: 'praxis@aerzte.example', accessExpiresAt: null, status: 'retrying' });
  const d = summary({ label: 'Bakkerij', accessExpiresAt: 1_000, status: 'auto-refresh-off' });
  const all = [a, b, c, d];

  it('sorts by label naturally (2 before 10, accents folded)', () => {
    assert.deepEqual(visibleAccounts(all, { search: '', sort: 'label', attentionOnly: false }, collator).map((x) => x.label), ['Ärzte', 'Bakkerij', 'client 2', 'Client 10']);
  });
  it('sorts by expiry, soonest first, accounts without a token first of all', () => {
    assert.deepEqual(visibleAccounts(all, { search: '', sort: 'expiry', attentionOnly: false }, collator), [c, d, a, b]);
  });
  it('sorts by status, most urgent first', () => {
    assert.deepEqual(visibleAccounts(all, { search: '', sort: 'status', attentionOnly: false }, collator), [b, c, d, a]);
  });
  it('filters to accounts needing attention, combined with the search', () => {
    assert.deepEqual(visibleAccounts(all, { search: '', sort: 'label', attentionOnly: true }, collator), [c, b]);
    assert.deepEqual(visibleAccounts(all, { search: 'client', sort: 'label', attentionOnly: true }, collator), [b]);
    assert.equal(attentionCount(all), 2);
  });
  it('does not reorder the caller’s array', () => {
    const input = [a, b, c, d];
    visibleAccounts(input, { search: '', sort: 'expiry', attentionOnly: false }, collator);
    assert.deepEqual(input, [a, b, c, d]);
  });
});
