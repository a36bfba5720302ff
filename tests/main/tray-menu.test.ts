import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { MAIN_TEXTS } from '../../electron/core/app/main-texts';
import { buildTrayMenu, trayStatus } from '../../electron/core/app/tray-menu-model';
import type { TrayAction } from '../../electron/core/app/tray-menu-model';
import { createTrayController, toMenuTemplate } from '../../electron/main/tray-controller';
import { ManualClock } from '../support/manual-clock';
import { NOW, summary } from './account-fixtures';
import { FakeEmitter } from './fake-electron';
import { labels, submenu } from './tray-menu-labels';

const en = MAIN_TEXTS.en;


describe('tray menu model', () => {
  test('lists each account with its time left and the three actions, then Refresh all, Open, Quit', () => {
    const acme = summary({ label: 'ACME' });
    const menu = buildTrayMenu({ accounts: [acme], now: NOW, vaultOpen: true, texts: en });
    assert.deepEqual(labels(menu), ['ACME — 12 min left', '---', 'Refresh all', 'Open Winbooks Token Manager', 'Quit']);
    const actions = submenu(menu, 'ACME — 12 min left');
    assert.deepEqual(
      actions.map((entry) => (entry.kind === 'item' ? entry.action : null)),
      [
        { type: 'copy', accountId: acme.id, format: 'token' },
        { type: 'copy', accountId: acme.id, format: 'header' },
        { type: 'refresh', accountId: acme.id },
      ],
    );
    assert.deepEqual(labels(actions), ['Copy access token', 'Copy Authorization header', 'Refresh now']);
  });

  test('with 12 accounts: the 5 most recently used, the one needing attention, then All accounts', () => {
    const accounts = Array.from({ length: 12 }, (_, index) => summary({ label: `Client ${String(index + 1).padStart(2, '0')}`, lastUsedAt: NOW - (index + 1) * 60_000 }));
    const revoked = accounts[9];
    assert.ok(revoked);
    accounts[9] = { ...revoked, status: 'needs-exchange-token', accessExpiresAt: null };
    const menu = buildTrayMenu({ accounts, now: NOW, vaultOpen: true, texts: en });

    assert.deepEqual(labels(menu).slice(0, 7), [
      'Client 01 — 12 min left',
      'Client 02 — 12 min left',
      'Client 03 — 12 min left',
      'Client 04 — 12 min left',
      'Client 05 — 12 min left',
      '⚠ Client 10 — needs a new exchange token',
      '---',
    ]);
    const attention = menu[5];
    assert.deepEqual(attention?.kind === 'item' ? attention.action : null, { type: 'open', accountId: revoked.id });
    const all = submenu(menu, 'All accounts');
    assert.equal(all.length, 12);
    assert.equal(labels(all)[9], '⚠ Client 10 — needs a new exchange token');
    assert.deepEqual(labels(menu).slice(-4), ['---', 'Refresh all', 'Open Winbooks Token Manager', 'Quit']);
  });

  test('marks refreshes failing for more than 15 minutes, and says expired or refreshing', () => {
    const failing = summary({ label: 'Failing', status: 'retrying', failingSince: NOW - 16 * 60_000 });
    const briefly = summary({ label: 'Briefly', status: 'retrying', failingSince: NOW - 2 * 60_000 });
    const expired = summary({ label: 'Expired', accessExpiresAt: NOW - 1 });
    const busy = summary({ label: 'Busy', status: 'refreshing' });
    const menu = labels(buildTrayMenu({ accounts: [failing, briefly, expired, busy], now: NOW, vaultOpen: true, texts: en }));
    assert.ok(menu.includes('⚠ Failing — refresh failing for more than 15 min'));
    assert.ok(menu.includes('Briefly — 12 min left'));
    assert.ok(menu.includes('Expired — expired'));
    assert.ok(menu.includes('Busy — refreshing…'));
  });

  test('an & in an account label is shown, not taken as a mnemonic marker (&& is a literal &)', () => {
    const rnd = summary({ label: 'R&D Partners' });
    const revoked = summary({ label: 'Smith & Sons', status: 'needs-exchange-token', accessExpiresAt: null });
    const menu = buildTrayMenu({ accounts: [rnd, revoked], now: NOW, vaultOpen: true, texts: en });
    assert.deepEqual(labels(menu).slice(0, 2), ['R&&D Partners — 12 min left', '⚠ Smith && Sons — needs a new exchange token']);
  });

  test('a locked vault shows Locked and offers only Unlock, Open and Quit', () => {
    assert.deepEqual(labels(buildTrayMenu({ accounts: [], now: NOW, vaultOpen: false, texts: en })), ['Locked', 'Unlock…', 'Open Winbooks Token Manager', 'Quit']);
  });

  test('an open vault with a passphrase offers Lock now; without one it does not', () => {
    const accounts = [summary({ label: 'Acme' })];
    assert.ok(labels(buildTrayMenu({ accounts, now: NOW, vaultOpen: true, texts: en, canLock: true })).includes('Lock now'));
    assert.ok(!labels(buildTrayMenu({ accounts, now: NOW, vaultOpen: true, texts: en, canLock: false })).includes('Lock now'));
  });

  test('status: attention icon and a tooltip naming who needs it', () => {
    const fine = trayStatus({ accounts: [summary(), summary()], now: NOW, vaultOpen: true, texts: en });
    assert.deepEqual(fine, { attention: false, tooltip: 'Winbooks Token Manager — 2 accounts, all fine' });
    const needing = trayStatus({ accounts: [summary(), summary({ label: 'Garage', status: 'needs-exchange-token' })], now: NOW, vaultOpen: true, texts: en });
    assert.deepEqual(needing, { attention: true, tooltip: 'Winbooks Token Manager — 2 accounts; 1 needs attention: Garage' });
  });
});

describe('tray controller', () => {
  test('builds the Electron menu, switches the icon on attention, rebuilds throttled and on a timer', async () => {
    const clock = new ManualClock(NOW);
    let accounts = [summary({ label: 'ACME' })];
    const built: MenuItemConstructorOptions[][] = [];
    const images: string[] = [];
    const tooltips: string[] = [];
    const actions: TrayAction[] = [];
    const controller = createTrayController({
      tray: {
        setContextMenu: () => undefined,
        setToolTip: (tooltip: string) => {
          tooltips.push(tooltip);
        },
        setImage: (image: unknown) => {
          images.push(String(image));
        },
      },
      buildMenu: (template) => {
        built.push(template);
        return new FakeEmitter() as unknown as Electron.Menu;
      },
      icons: { fine: 'fine' as unknown as Electron.NativeImage, attention: 'attention' as unknown as Electron.NativeImage },
      clock,
      accounts: () => accounts,
      vaultOpen: () => true,
      texts: () => en,
      onAction: (action) => actions.push(action),
    });
    assert.equal(built.length, 1);
    assert.deepEqual(images, ['fine']);

    // A burst of changes within the throttle interval becomes one rebuild at its end.
    accounts = [summary({ label: 'ACME', status: 'needs-exchange-token' })];
    controller.update();
    controller.update();
    controller.update();
    assert.equal(built.length, 1);
    await clock.advance(1_000);
    assert.equal(built.length, 2);
    assert.deepEqual(images, ['fine', 'attention']);
    assert.match(tooltips.at(-1) ?? '', /1 needs attention: ACME/u);

    // Clicking a menu item runs its action.
    const first = built[1]?.[0];
    assert.equal(first?.label, '⚠ ACME — needs a new exchange token');
    first?.click?.(undefined as never, undefined, undefined as never);
    assert.deepEqual(actions, [{ type: 'open', accountId: accounts[0]?.id }]);

    // Time-left labels are refreshed periodically even without changes.
    await clock.advance(30_000);
    assert.equal(built.length, 3);
    controller.dispose();
    await clock.advance(120_000);
    assert.equal(built.length, 3);
  });

  test('an open menu is not rebuilt under the pointer: the rebuild waits for it to close', async () => {
    const clock = new ManualClock(NOW);
    const menus: FakeEmitter[] = [];
    const controller = createTrayController({
      tray: { setContextMenu: () => undefined, setToolTip: () => undefined, setImage: () => undefined },
      buildMenu: () => {
        const menu = new FakeEmitter();
        menus.push(menu);
        return menu as unknown as Electron.Menu;
      },
      icons: { fine: 'fine' as unknown as Electron.NativeImage, attention: 'attention' as unknown as Electron.NativeImage },
      clock,
      accounts: () => [summary({ label: 'ACME' })],
      vaultOpen: () => true,
      texts: () => en,
      onAction: () => undefined,
    });
    assert.equal(menus.length, 1);
    menus[0]?.emit('menu-will-show');
    await clock.advance(30_000);
    controller.update();
    await clock.advance(1_000);
    assert.equal(menus.length, 1, 'no rebuild while the user has the menu open');
    menus[0]?.emit('menu-will-close');
    await clock.advance(1_000);
    assert.equal(menus.length, 2, 'rebuilt once it closed');
    controller.dispose();
  });

  test('submenus and separators map to Electron templates', () => {
    const template = toMenuTemplate([{ kind: 'separator' }, { kind: 'submenu', label: 'All accounts', entries: [{ kind: 'item', label: 'Quit', action: { type: 'quit' }, enabled: false }] }], () => undefined);
    assert.deepEqual(template[0], { type: 'separator' });
    const nested = template[1]?.submenu;
    assert.ok(Array.isArray(nested));
    assert.equal(nested[0]?.label, 'Quit');
    assert.equal(nested[0]?.enabled, false);
  });
});
