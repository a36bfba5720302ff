import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountsStore } from '../../renderer/state/accounts-store';
import type { StatusTransition } from '../../renderer/state/accounts-store';
import { summary } from './account-fixtures';

describe('AccountsStore', () => {
  it('keeps the same object for an account whose summary did not change (so its row is not re-rendered)', () => {
    const store = new AccountsStore();
    const first = summary();
    const second = summary();
    store.replaceAll([first, second]);
    store.apply({ changed: [{ ...first }, { ...second, accessExpiresAt: 2_000_000 }], removed: [] });
    const [afterFirst, afterSecond] = store.getSnapshot();
    assert.equal(afterFirst, first, 'unchanged account keeps its object');
    assert.notEqual(afterSecond, second);
    assert.equal(afterSecond?.accessExpiresAt, 2_000_000);
  });

  it('does not notify when nothing changed, and notifies once per change batch', () => {
    const store = new AccountsStore();
    const account = summary();
    store.replaceAll([account]);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    const before = store.getSnapshot();
    store.apply({ changed: [{ ...account }], removed: [] });
    assert.equal(notified, 0);
    assert.equal(store.getSnapshot(), before);
    store.apply({ changed: [{ ...account, label: 'Renamed' }, summary()], removed: [] });
    assert.equal(notified, 1);
    assert.equal(store.getSnapshot().length, 2);
  });

  it('removes accounts and reports status transitions', () => {
    const store = new AccountsStore();
    const a = summary();
    const b = summary();
    store.replaceAll([a, b]);
    const seen: StatusTransition[][] = [];
    store.onStatusTransitions((transitions) => seen.push(transitions));
    store.apply({ changed: [{ ...a, status: 'needs-exchange-token' }], removed: [b.id] });
    assert.deepEqual(store.getSnapshot().map((x) => x.id), [a.id]);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.[0]?.from, 'ready');
    assert.equal(seen[0]?.[0]?.account.status, 'needs-exchange-token');
  });

  it('is loaded only after the first list, even an empty one', () => {
    const store = new AccountsStore();
    assert.equal(store.isLoaded(), false);
    store.replaceAll([]);
    assert.equal(store.isLoaded(), true);
  });
});
