import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { MAIN_TEXTS } from '../../electron/core/app/main-texts';
import type { MainTexts } from '../../electron/core/app/main-texts';
import { buildTrayMenu, trayStatus } from '../../electron/core/app/tray-menu-model';
import type { AccountSummary } from '../../electron/shared/account-summary';
import { createTrayController } from '../../electron/main/tray-controller';
import { ManualClock } from '../support/manual-clock';
import { NOW, summary } from './account-fixtures';
import { labels, submenu } from './tray-menu-labels';
import { FakeEmitter } from './fake-electron';

/** Twelve accounts used one minute apart (Client 01 most recently); Client 10 needs a new exchange token. */
function twelveAccounts(): AccountSummary[] {
  return Array.from({ length: 12 }, (_, index) =>
    summary({
      label: `Client ${String(index + 1).padStart(2, '0')}`,
      lastUsedAt: NOW - (index + 1) * 60_000,
      ...(index === 9 ? { status: 'needs-exchange-token' as const, accessExpiresAt: null } : {}),
    }),
  );
}

const expected = {
  fr: {
    timeLeft: 'expire dans 12 min',
    revoked: "⚠ Client 10 — nouveau jeton d'échange requis",
    all: 'Tous les comptes',
    footer: ['---', 'Tout renouveler', 'Ouvrir Winbooks Token Manager', 'Quitter'],
    actions: ["Copier le jeton d'accès", "Copier l'en-tête Authorization", 'Renouveler maintenant'],
  },
  nl: {
    timeLeft: 'verloopt over 12 min',
    revoked: '⚠ Client 10 — nieuw uitwisselingstoken nodig',
    all: 'Alle accounts',
    footer: ['---', 'Alles vernieuwen', 'Winbooks Token Manager openen', 'Afsluiten'],
    actions: ['Toegangstoken kopiëren', 'Authorization-header kopiëren', 'Nu vernieuwen'],
  },
} as const;

describe('tray menu in French and Dutch', () => {
  for (const language of ['fr', 'nl'] as const) {
    const want = expected[language];
    test(`${language}: 12 accounts, the 5 most recent, the one needing attention, then the "All accounts" submenu`, () => {
      const menu = buildTrayMenu({ accounts: twelveAccounts(), now: NOW, vaultOpen: true, texts: MAIN_TEXTS[language] });
      assert.deepEqual(labels(menu), [
        ...['01', '02', '03', '04', '05'].map((n) => `Client ${n} — ${want.timeLeft}`),
        want.revoked,
        '---',
        want.all,
        ...want.footer,
      ]);
      const all = submenu(menu, want.all);
      assert.equal(all.length, 12);
      assert.equal(labels(all)[9], want.revoked);
      assert.deepEqual(labels(submenu(all, `Client 01 — ${want.timeLeft}`)), want.actions);
    });
  }

  test('states and attention reasons in both languages', () => {
    const accounts = [
      summary({ label: 'Failing', status: 'retrying', failingSince: NOW - 16 * 60_000 }),
      summary({ label: 'Expired', accessExpiresAt: NOW - 1 }),
      summary({ label: 'Busy', status: 'refreshing' }),
      summary({ label: 'Long', accessExpiresAt: NOW + (3 * 60 + 5) * 60_000 + 1_000 }),
      summary({ label: 'Soon', accessExpiresAt: NOW + 30_000 }),
    ];
    const fr = labels(buildTrayMenu({ accounts, now: NOW, vaultOpen: true, texts: MAIN_TEXTS.fr }));
    for (const label of ['⚠ Failing — renouvellement en échec depuis plus de 15 min', 'Expired — expiré', 'Busy — renouvellement…', 'Long — expire dans 3 h 5 min', "Soon — expire dans moins d'une minute"]) {
      assert.ok(fr.includes(label), `${label} in ${JSON.stringify(fr)}`);
    }
    const nl = labels(buildTrayMenu({ accounts, now: NOW, vaultOpen: true, texts: MAIN_TEXTS.nl }));
    for (const label of ['⚠ Failing — vernieuwen mislukt al meer dan 15 min', 'Expired — verlopen', 'Busy — bezig met vernieuwen…', 'Long — verloopt over 3 u 5 min', 'Soon — verloopt over minder dan een minuut']) {
      assert.ok(nl.includes(label), `${label} in ${JSON.stringify(nl)}`);
    }
  });

  test('locked and empty menus', () => {
    assert.deepEqual(labels(buildTrayMenu({ accounts: [], now: NOW, vaultOpen: false, texts: MAIN_TEXTS.fr })), ['Verrouillé', 'Déverrouiller…', 'Ouvrir Winbooks Token Manager', 'Quitter']);
    assert.deepEqual(labels(buildTrayMenu({ accounts: [], now: NOW, vaultOpen: true, texts: MAIN_TEXTS.nl })).slice(0, 2), ['Account toevoegen…', '---']);
  });

  test('tooltip: one account / several accounts, and who needs attention', () => {
    const status = (texts: MainTexts, accounts: AccountSummary[]): string => trayStatus({ accounts, now: NOW, vaultOpen: true, texts }).tooltip;
    const garage = summary({ label: 'Garage', status: 'needs-exchange-token' });
    const fiveNeeding = ['A', 'B', 'C', 'D', 'E'].map((label) => summary({ label, status: 'secrets-unreadable' }));

    assert.equal(status(MAIN_TEXTS.fr, [summary()]), 'Winbooks Token Manager — 1 compte, tout va bien');
    assert.equal(status(MAIN_TEXTS.fr, [summary(), summary(), garage]), 'Winbooks Token Manager — 3 comptes ; 1 demande votre attention : Garage');
    assert.equal(status(MAIN_TEXTS.fr, fiveNeeding), 'Winbooks Token Manager — 5 comptes ; 5 demandent votre attention : A, B, C et 2 autres');
    assert.equal(trayStatus({ accounts: [], now: NOW, vaultOpen: false, texts: MAIN_TEXTS.fr }).tooltip, 'Winbooks Token Manager — comptes verrouillés');

    assert.equal(status(MAIN_TEXTS.nl, [summary()]), 'Winbooks Token Manager — 1 account, alles in orde');
    assert.equal(status(MAIN_TEXTS.nl, [summary(), summary(), garage]), 'Winbooks Token Manager — 3 accounts; 1 vraagt aandacht: Garage');
    assert.equal(status(MAIN_TEXTS.nl, fiveNeeding), 'Winbooks Token Manager — 5 accounts; 5 vragen aandacht: A, B, C en nog 2 andere');
    assert.equal(status(MAIN_TEXTS.nl, []), 'Winbooks Token Manager — nog geen accounts');
  });

  test('the tray controller rebuilds in the new language after a language change', async () => {
    const clock = new ManualClock(NOW);
    let texts: MainTexts = MAIN_TEXTS.en;
    const built: MenuItemConstructorOptions[][] = [];
    const tooltips: string[] = [];
    const controller = createTrayController({
      tray: { setContextMenu: () => undefined, setToolTip: (tooltip: string) => void tooltips.push(tooltip), setImage: () => undefined },
      buildMenu: (template) => {
        built.push(template);
        return new FakeEmitter() as unknown as Electron.Menu;
      },
      icons: { fine: 'fine' as unknown as Electron.NativeImage, attention: 'attention' as unknown as Electron.NativeImage },
      clock,
      accounts: () => [summary({ label: 'ACME' })],
      vaultOpen: () => true,
      texts: () => texts,
      onAction: () => undefined,
    });
    try {
      assert.equal(built.at(-1)?.at(-1)?.label, 'Quit');
      texts = MAIN_TEXTS.nl;
      controller.update();
      await clock.advance(1_000);
      assert.deepEqual(built.at(-1)?.map((item) => item.label), ['ACME — verloopt over 12 min', undefined, 'Alles vernieuwen', 'Winbooks Token Manager openen', 'Afsluiten']);
      assert.equal(tooltips.at(-1), 'Winbooks Token Manager — 1 account, alles in orde');
    } finally {
      controller.dispose();
    }
  });
});
