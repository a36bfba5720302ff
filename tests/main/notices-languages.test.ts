import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../electron/core/common/app-error';
import { watchAttention } from '../../electron/core/app/attention-notifier';
import type { AccountsChange, AttentionEvent } from '../../electron/core/tokens/lifecycle-api';
import { MAIN_TEXTS } from '../../electron/core/app/main-texts';
import type { MainTexts } from '../../electron/core/app/main-texts';
import { copyNotice, needsExchangeTokenNotice, refreshFailingNotice, secretsUnreadableNotice } from '../../electron/core/app/notices';
import type { Notice } from '../../electron/core/app/notices';
import type { AppApi } from '../../electron/shared/ipc-contract';
import { trayHintNotice } from '../../electron/main/close-to-tray';
import { trayActionHandler } from '../../electron/main/tray-actions';
import { ManualClock } from '../support/manual-clock';
import { NOW, summary } from './account-fixtures';

const acme = summary({ label: 'ACME' });
const copied = (texts: MainTexts, validMinutes: number, clearsInSeconds: number, format: 'token' | 'header' = 'token'): string =>
  copyNotice({ account: acme, format, expiresAt: NOW + validMinutes * 60_000 + 5_000, clearsInSeconds, now: NOW }, texts).body;

describe('notifications in each language', () => {
  test('English: 1 min / 12 min, and the clipboard delay', () => {
    assert.equal(copied(MAIN_TEXTS.en, 1, 30), 'ACME: token copied, valid 1 min; clipboard clears in 30 s');
    assert.equal(copied(MAIN_TEXTS.en, 12, 90, 'header'), 'ACME: Authorization header copied, valid 12 min; clipboard clears in 1 min 30 s');
    assert.equal(copied(MAIN_TEXTS.en, 49 * 60, 0), 'ACME: token copied, valid 2 days; the clipboard is not cleared automatically');
  });

  test('French: 1 min / 12 min, hours and days, and the clipboard delay', () => {
    assert.equal(copied(MAIN_TEXTS.fr, 1, 30), 'ACME : jeton copié, valable 1 min ; le presse-papiers sera vidé dans 30 s');
    assert.equal(copied(MAIN_TEXTS.fr, 12, 120, 'header'), 'ACME : en-tête Authorization copié, valable 12 min ; le presse-papiers sera vidé dans 2 min');
    assert.equal(copied(MAIN_TEXTS.fr, 3 * 60, 0), "ACME : jeton copié, valable 3 h ; le presse-papiers n'est pas vidé automatiquement");
    assert.equal(copied(MAIN_TEXTS.fr, 49 * 60, 30), 'ACME : jeton copié, valable 2 jours ; le presse-papiers sera vidé dans 30 s');
  });

  test('Dutch: 1 min / 12 min, hours and days, and the clipboard delay', () => {
    assert.equal(copied(MAIN_TEXTS.nl, 1, 30), 'ACME: token gekopieerd, geldig gedurende 1 min; het klembord wordt over 30 s gewist');
    assert.equal(copied(MAIN_TEXTS.nl, 12, 0, 'header'), 'ACME: Authorization-header gekopieerd, geldig gedurende 12 min; het klembord wordt niet automatisch gewist');
    assert.equal(copied(MAIN_TEXTS.nl, 3 * 60 + 5, 30), 'ACME: token gekopieerd, geldig gedurende 3 u 5 min; het klembord wordt over 30 s gewist');
    assert.equal(copied(MAIN_TEXTS.nl, 49 * 60, 30), 'ACME: token gekopieerd, geldig gedurende 2 dagen; het klembord wordt over 30 s gewist');
  });

  test('attention notices name the account and say what to do, in French and Dutch', () => {
    const failing = summary({ label: 'Bakkerij', status: 'retrying', failingSince: NOW - 16 * 60_000 });
    assert.deepEqual(refreshFailingNotice(failing, NOW, MAIN_TEXTS.fr), {
      title: 'Bakkerij : le renouvellement échoue',
      body: "Winbooks est injoignable depuis 16 min ; l'application continue d'essayer. Vérifiez la connexion internet et l'adresse de l'API.",
      accountId: failing.id,
    });
    assert.equal(refreshFailingNotice(failing, NOW, MAIN_TEXTS.nl).body, 'Winbooks is al 16 min niet bereikbaar; de app blijft het proberen. Controleer de internetverbinding en het API-adres.');
    assert.equal(needsExchangeTokenNotice(acme, MAIN_TEXTS.fr).title, "ACME : un nouveau jeton d'échange est requis");
    assert.match(needsExchangeTokenNotice(acme, MAIN_TEXTS.nl).body, /nieuw uitwisselingstoken/u);
    assert.equal(secretsUnreadableNotice(acme, MAIN_TEXTS.nl).title, 'ACME: opgeslagen tokens onleesbaar');
  });

  test('the attention watcher uses the language current at each notice', async () => {
    const clock = new ManualClock(NOW);
    const changes = new Set<(change: AccountsChange) => void>();
    const attention = new Set<(event: AttentionEvent) => void>();
    let texts: MainTexts = MAIN_TEXTS.en;
    const notices: Notice[] = [];
    const stop = watchAttention({
      source: {
        onAccountsChanged: (listener) => (changes.add(listener), () => changes.delete(listener)),
        onAttention: (listener) => (attention.add(listener), () => attention.delete(listener)),
      },
      notifier: { notify: (notice) => notices.push(notice) },
      clock,
      texts: () => texts,
    });
    try {
      const garage = summary({ label: 'Garage', status: 'needs-exchange-token' });
      attention.forEach((listener) => listener({ kind: 'needs-exchange-token', account: garage }));
      texts = MAIN_TEXTS.nl;
      attention.forEach((listener) => listener({ kind: 'needs-exchange-token', account: garage }));
      texts = MAIN_TEXTS.fr;
      const failing = summary({ label: 'Bakkerij', status: 'retrying', failingSince: NOW });
      changes.forEach((listener) => listener({ changed: [failing], removed: [] }));
      await clock.advance(16 * 60_000);
      assert.deepEqual(notices.map((notice) => notice.title), ['Garage: a new exchange token is needed', 'Garage: nieuw uitwisselingstoken nodig', 'Bakkerij : le renouvellement échoue']);
    } finally {
      stop();
    }
  });

  test('the one-time tray hint and a failed tray action speak the chosen language', async () => {
    assert.deepEqual(trayHintNotice(MAIN_TEXTS.fr), {
      title: 'Winbooks Token Manager reste actif',
      body: "L'application garde vos jetons valides depuis la zone de notification. Pour l'arrêter, choisissez Quitter dans son menu.",
    });
    assert.equal(trayHintNotice(MAIN_TEXTS.nl).title, 'Winbooks Token Manager blijft actief');

    const notices: Notice[] = [];
    let reported: () => void = () => undefined;
    const noticeArrived = new Promise<void>((resolve) => {
      reported = resolve;
    });
    const api = {
      copyToken: () => Promise.reject(new AppError('winbooks-unreachable', 'Winbooks could not be reached (connect ECONNREFUSED).')),
      refreshAll: () => Promise.reject(new Error('socket hang up')),
    } as unknown as AppApi;
    const onAction = trayActionHandler({
      api,
      showWindow: () => undefined,
      quit: () => undefined,
      notifier: {
        notify: (notice) => {
          notices.push(notice);
          reported();
        },
      },
      texts: () => MAIN_TEXTS.nl,
    });
    onAction({ type: 'copy', accountId: acme.id, format: 'token' });
    await noticeArrived;
    // The body is worded from the error's code in the notice's language, never the core's English message.
    assert.deepEqual(notices, [{ title: 'Kopiëren mislukt', body: MAIN_TEXTS.nl.errorText({ code: 'winbooks-unreachable' }), accountId: acme.id }]);
    assert.match(notices[0]?.body ?? '', /niet bereikbaar/u);
    const second = new Promise<void>((resolve) => {
      reported = resolve;
    });
    onAction({ type: 'refresh-all' });
    await second;
    assert.equal(notices[1]?.body, MAIN_TEXTS.nl.errorText({ code: 'internal' }), 'an error without a code is worded as internal, not passed through');
  });
});
