import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_HELD_NOTIFICATIONS, electronNotifier } from '../../electron/main/electron-notifier';
import { FakeNotificationCenter, collectGarbage } from './fake-electron';

describe('Electron notifier', () => {
  function notifierOn(center: FakeNotificationCenter, clicked: (string | undefined)[]) {
    return electronNotifier({ isSupported: () => true, create: center.create, onClick: (accountId) => clicked.push(accountId) });
  }

  test('a click long after the notice (after garbage collections) still opens its account', async () => {
    const center = new FakeNotificationCenter();
    const clicked: (string | undefined)[] = [];
    const notifier = notifierOn(center, clicked);
    notifier.notify({ title: 'Copied', body: 'ACME: token copied', accountId: 'acct_00000001' });
    await collectGarbage();
    assert.equal(center.click(0), true, 'the notification object is still held');
    assert.deepEqual(clicked, ['acct_00000001']);
    assert.deepEqual(center.shownBodies, ['ACME: token copied']);
  });

  test('the honest fake: a notification nobody holds is collected and its click is lost', async () => {
    const center = new FakeNotificationCenter();
    let clicks = 0;
    ((): void => {
      const notification = center.create({ body: 'dropped' });
      notification.on('click', () => (clicks += 1));
      notification.show();
    })();
    await collectGarbage();
    assert.equal(center.click(0), false);
    assert.equal(clicks, 0);
  });

  test('a notification is let go once clicked, closed or failed', async () => {
    const center = new FakeNotificationCenter('win32');
    const clicked: (string | undefined)[] = [];
    const notifier = notifierOn(center, clicked);
    for (const accountId of ['a', 'b', 'c']) notifier.notify({ title: 't', body: accountId, accountId });
    assert.equal(notifier.heldCount(), 3);
    center.click(0);
    center.close(1);
    center.fail(2);
    assert.equal(notifier.heldCount(), 0);
    await collectGarbage();
    assert.equal(center.click(0), false, 'released: collected like any other object');
    assert.deepEqual(clicked, ['a']);
  });

  test('at most a bounded number is held when a notification server never reports a close', () => {
    const center = new FakeNotificationCenter('linux');
    const notifier = notifierOn(center, []);
    for (let index = 0; index < MAX_HELD_NOTIFICATIONS + 5; index += 1) notifier.notify({ title: 't', body: String(index) });
    assert.equal(notifier.heldCount(), MAX_HELD_NOTIFICATIONS);
    assert.throws(() => center.fail(0), /Windows only/u);
  });

  test('nothing is created where notifications are not supported', () => {
    const center = new FakeNotificationCenter();
    const notifier = electronNotifier({ isSupported: () => false, create: center.create, onClick: () => undefined });
    notifier.notify({ title: 't', body: 'b' });
    assert.equal(center.created, 0);
  });
});
