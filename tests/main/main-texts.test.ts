import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAIN_TEXTS, mainTextsFor, resolveMainLanguage } from '../../electron/core/app/main-texts';
import type { MainLanguage, MainTexts } from '../../electron/core/app/main-texts';
import { errorCodeSchema } from '../../electron/shared/account-summary';

const ERROR_CODES = errorCodeSchema.options;

describe('main process language', () => {
  test('"system" follows the OS locale: French and Dutch (any region), English for anything else', () => {
    assert.equal(resolveMainLanguage('system', 'fr-BE'), 'fr');
    assert.equal(resolveMainLanguage('system', 'nl-BE'), 'nl');
    assert.equal(resolveMainLanguage('system', 'fr'), 'fr');
    assert.equal(resolveMainLanguage('system', 'nl_NL'), 'nl');
    assert.equal(resolveMainLanguage('system', 'de-DE'), 'en');
    assert.equal(resolveMainLanguage('system', 'en-US'), 'en');
    assert.equal(resolveMainLanguage('system', ''), 'en');
  });

  test('a language chosen in settings wins over the OS locale', () => {
    assert.equal(resolveMainLanguage('nl', 'fr-BE'), 'nl');
    assert.equal(resolveMainLanguage('en', 'nl-BE'), 'en');
    assert.equal(resolveMainLanguage('fr', 'de-DE'), 'fr');
    assert.equal(mainTextsFor('fr', 'nl-BE'), MAIN_TEXTS.fr);
    assert.equal(mainTextsFor('system', 'nl-BE'), MAIN_TEXTS.nl);
    assert.equal(mainTextsFor('system', 'de-DE'), MAIN_TEXTS.en);
  });
});

/**
 * Every message rendered with sample values. Typed over the catalogue's keys: a message added to MainTexts
 * without a sample here does not compile, so the completeness check cannot fall behind the catalogue.
 */
const renderEvery: { [K in keyof MainTexts]: (texts: MainTexts) => string[] } = {
  lessThanAMinute: (t) => [t.lessThanAMinute],
  seconds: (t) => [t.seconds(1), t.seconds(30)],
  minutes: (t) => [t.minutes(1), t.minutes(12)],
  hours: (t) => [t.hours(1), t.hours(3)],
  days: (t) => [t.days(1), t.days(2)],
  timeLeft: (t) => [t.timeLeft('12 min')],
  refreshing: (t) => [t.refreshing],
  noTokenYet: (t) => [t.noTokenYet],
  expired: (t) => [t.expired],
  needsExchangeTokenShort: (t) => [t.needsExchangeTokenShort],
  secretsUnreadableShort: (t) => [t.secretsUnreadableShort],
  refreshFailingShort: (t) => [t.refreshFailingShort('15 min')],
  copyToken: (t) => [t.copyToken],
  copyHeader: (t) => [t.copyHeader],
  refreshNow: (t) => [t.refreshNow],
  refreshAll: (t) => [t.refreshAll],
  openApp: (t) => [t.openApp],
  quit: (t) => [t.quit],
  unlock: (t) => [t.unlock],
  lockNow: (t) => [t.lockNow],
  locked: (t) => [t.locked],
  addAccount: (t) => [t.addAccount],
  allAccounts: (t) => [t.allAccounts],
  tooltipLocked: (t) => [t.tooltipLocked],
  tooltipNoAccounts: (t) => [t.tooltipNoAccounts],
  tooltipAllFine: (t) => [t.tooltipAllFine(1), t.tooltipAllFine(3)],
  tooltipAttention: (t) => [t.tooltipAttention(1, 1, ['ACME'], 0), t.tooltipAttention(12, 5, ['A', 'B', 'C'], 2)],
  copyConfirmation: (t) => [
    t.copyConfirmation({ label: 'ACME', format: 'token', validity: '12 min', clearsIn: '30 s' }),
    t.copyConfirmation({ label: 'ACME', format: 'header', validity: '12 min', clearsIn: null }),
  ],
  needsExchangeTokenTitle: (t) => [t.needsExchangeTokenTitle('ACME')],
  needsExchangeTokenBody: (t) => [t.needsExchangeTokenBody],
  secretsUnreadableTitle: (t) => [t.secretsUnreadableTitle('ACME')],
  secretsUnreadableBody: (t) => [t.secretsUnreadableBody],
  refreshFailingTitle: (t) => [t.refreshFailingTitle('ACME')],
  refreshFailingBody: (t) => [t.refreshFailingBody('16 min')],
  trayHintTitle: (t) => [t.trayHintTitle],
  trayHintBody: (t) => [t.trayHintBody],
  trayActionFailed: (t) => [t.trayActionFailed('copy'), t.trayActionFailed('refresh'), t.trayActionFailed('refresh-all')],
  menuAccounts: (t) => [t.menuAccounts],
  menuEdit: (t) => [t.menuEdit],
  menuHelp: (t) => [t.menuHelp],
  menuUndo: (t) => [t.menuUndo],
  menuRedo: (t) => [t.menuRedo],
  menuCut: (t) => [t.menuCut],
  menuCopy: (t) => [t.menuCopy],
  menuPaste: (t) => [t.menuPaste],
  menuSelectAll: (t) => [t.menuSelectAll],
  menuSearch: (t) => [t.menuSearch],
  menuShortcuts: (t) => [t.menuShortcuts],
  menuHide: (t) => [t.menuHide('Winbooks Token Manager')],
  menuHideOthers: (t) => [t.menuHideOthers],
  menuShowAll: (t) => [t.menuShowAll],
  // Every code, without params and with the params a code may carry.
  errorText: (t) => [...ERROR_CODES.map((code) => t.errorText({ code })), ...ERROR_CODES.map((code) => t.errorText({ code, params: { label: 'ACME' } }))],
};

/** Unit abbreviations that are the same in English and in French or Dutch ("12 min", "30 s", "3 h"). */
const SAME_IN_EVERY_LANGUAGE = new Set<keyof MainTexts>(['seconds', 'minutes', 'hours']);
/** Words Dutch menus borrow from English ("Help", "Accounts"): checked against English in French only. */
const SAME_IN_DUTCH = new Set<keyof MainTexts>(['menuAccounts', 'menuHelp']);

const LANGUAGES: MainLanguage[] = ['en', 'fr', 'nl'];
const messages = Object.keys(renderEvery) as (keyof MainTexts)[];

describe('main text catalogues', () => {
  for (const language of LANGUAGES) {
    test(`${language}: every message gives a complete, non-empty text`, () => {
      for (const key of messages) {
        for (const text of renderEvery[key](MAIN_TEXTS[language])) {
          assert.ok(text.trim().length > 0, `${language}.${key} is empty`);
          assert.doesNotMatch(text, /undefined|null|NaN|#|\{\{/u, `${language}.${key} left a placeholder: ${text}`);
        }
      }
    });
  }

  for (const language of ['fr', 'nl'] as const) {
    test(`${language}: no message is an English copy`, () => {
      for (const key of messages.filter((message) => !SAME_IN_EVERY_LANGUAGE.has(message) && !(language === 'nl' && SAME_IN_DUTCH.has(message)))) {
        const english = renderEvery[key](MAIN_TEXTS.en);
        renderEvery[key](MAIN_TEXTS[language]).forEach((text, index) => {
          assert.notEqual(text, english[index], `${language}.${key} is still English: ${text}`);
        });
      }
    });
  }

  test('counted words follow each language\'s plural rules', () => {
    assert.deepEqual([1, 2].map(MAIN_TEXTS.en.days), ['1 day', '2 days']);
    assert.deepEqual([1, 2].map(MAIN_TEXTS.fr.days), ['1 jour', '2 jours']);
    assert.deepEqual([1, 2].map(MAIN_TEXTS.nl.days), ['1 dag', '2 dagen']);
    // French: 0 takes the singular; a round million takes "de".
    assert.equal(MAIN_TEXTS.fr.tooltipAllFine(0), '0 compte, tout va bien');
    assert.equal(MAIN_TEXTS.fr.tooltipAllFine(1_000_000), '1\u202f000\u202f000 de comptes, tout va bien');
    assert.equal(MAIN_TEXTS.nl.tooltipAllFine(0), '0 accounts, alles in orde');
  });

  for (const language of LANGUAGES) {
    test(`${language}: every error code has its own words, chosen from the code and its params`, () => {
      const texts = MAIN_TEXTS[language];
      const worded = ERROR_CODES.map((code) => texts.errorText({ code }));
      assert.equal(new Set(worded).size, ERROR_CODES.length, `${language}: two codes share the same words`);
      assert.match(texts.errorText({ code: 'duplicate-account', params: { label: 'Boulangerie Dupont' } }), /Boulangerie Dupont/u, 'the existing account is named');
      assert.doesNotMatch(texts.errorText({ code: 'duplicate-account', params: { label: '' } }), /[:\s]\.$/u, 'an empty label leaves no dangling colon');
      for (const text of worded) assert.doesNotMatch(text, /\b(Error|undefined)\b/u);
    });
  }
});
