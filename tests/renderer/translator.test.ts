import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UiLanguage } from '../../renderer/i18n/language';
import { LanguageStore } from '../../renderer/i18n/language-store';
import { en } from '../../renderer/i18n/locales/en';
import { fr } from '../../renderer/i18n/locales/fr';
import type { LocaleMessages } from '../../renderer/i18n/locales/locale-messages';
import { nl } from '../../renderer/i18n/locales/nl';
import { runtimeKey } from '../../renderer/i18n/translation-keys';
import { createTranslator } from '../../renderer/i18n/translator';

const DUTCH_LOCK = 'Vergrendelen';
const english = createTranslator({ language: 'en', messages: en });
const french = createTranslator({ language: 'fr', messages: fr });
const dutch = createTranslator({ language: 'nl', messages: nl });

/** Loaders that count how often each language is fetched, resolving when the test says so. */
function countingLoaders(messages: Record<UiLanguage, LocaleMessages>) {
  const loads: UiLanguage[] = [];
  const load = (language: UiLanguage) => () => {
    loads.push(language);
    return Promise.resolve(messages[language]);
  };
  return { loads, loaders: { en: load('en'), fr: load('fr'), nl: load('nl') } };
}

describe('the translator', () => {
  it('puts values in place of {{name}}, every occurrence, and leaves a placeholder without a value visible', () => {
    assert.equal(english('form.added', { label: 'Acme Bakery' }), 'Acme Bakery added.');
    assert.equal(english('remove.body', { label: 'Acme', email: 'a@acme.example' }), en.remove.body.replace('{{label}}', 'Acme').replace('{{email}}', 'a@acme.example'));
    assert.equal(english('form.added', {}), '{{label}} added.');
    assert.equal(english('app.lock'), 'Lock');
  });

  it('does not escape HTML: React escapes text when it renders it', () => {
    assert.equal(english('form.added', { label: '<b>R&D</b>' }), '<b>R&D</b> added.');
  });

  it('chooses English plural forms with Intl.PluralRules: 1 is one, 0 and 2 are other', () => {
    assert.equal(english('dashboard.count', { count: 1 }), '1 account');
    assert.equal(english('dashboard.count', { count: 0 }), '0 accounts');
    assert.equal(english('dashboard.count', { count: 2 }), '2 accounts');
    assert.equal(english('backup.exported', { count: 3, file: 'b.wtmbackup' }), 'Backup of 3 accounts saved as b.wtmbackup.');
  });

  it('chooses French plural forms: 0 and 1 are one, 2 is other, a million is many', () => {
    assert.equal(french('dashboard.count', { count: 0 }), '0 compte');
    assert.equal(french('dashboard.count', { count: 1 }), '1 compte');
    assert.equal(french('dashboard.count', { count: 2 }), '2 comptes');
    assert.equal(french('dashboard.count', { count: 1_000_000 }), '1000000 de comptes');
  });

  it('chooses Dutch plural forms: 1 is one, 0 and 2 are other', () => {
    assert.equal(dutch('dashboard.count', { count: 1 }), '1 account');
    assert.equal(dutch('dashboard.count', { count: 0 }), '0 accounts');
    assert.equal(dutch('dashboard.attention', { count: 1 }), '1 vraagt aandacht');
    assert.equal(dutch('dashboard.attention', { count: 2 }), '2 vragen aandacht');
  });

  it('falls back to English for a key the active language lacks, with English plural rules', () => {
    const incomplete: LocaleMessages = { app: { lock: 'Verrouiller' } };
    const misses: string[] = [];
    const t = createTranslator({ language: 'fr', messages: incomplete }, { language: 'en', messages: en }, (key) => misses.push(key));
    assert.equal(t('app.lock'), 'Verrouiller');
    assert.equal(t('app.shortcuts'), 'Keyboard shortcuts');
    assert.equal(t('dashboard.count', { count: 0 }), '0 accounts');
    assert.deepEqual(misses, [], 'found in the fallback is not a miss');
  });

  it('shows the key itself and reports it when no language has it', () => {
    const misses: string[] = [];
    const t = createTranslator({ language: 'nl', messages: {} }, undefined, (key) => misses.push(key));
    assert.equal(t('app.lock'), 'app.lock');
    assert.equal(t(runtimeKey('app.nav')), 'app.nav', 'a branch of the tree is not a text (and does not compile without runtimeKey)');
    assert.deepEqual(misses, ['app.lock', 'app.nav']);
  });

  it('checks keys and plural counts at compile time (tsc fails if these lines compile)', () => {
    // @ts-expect-error a key English lacks does not compile
    assert.equal(english('app.noSuchKey'), 'app.noSuchKey');
    // @ts-expect-error a plural key needs its count
    assert.equal(english('dashboard.count'), 'dashboard.count');
    // @ts-expect-error a plural form is asked for by its base name, not its suffix
    assert.equal(english('dashboard.count_one', { count: 1 }), '1 account');
  });
});

describe('the language store behind useTranslation', () => {
  it('loads only the active language and notifies subscribers with a new t when the language changes', async () => {
    const { loads, loaders } = countingLoaders({ en, fr, nl });
    const store = new LanguageStore(loaders);
    await store.use('fr');
    assert.deepEqual(loads, ['fr']);
    const before = store.translate();
    assert.equal(before('app.lock'), 'Verrouiller');

    let notified = 0;
    const unsubscribe = store.subscribe(() => (notified += 1));
    await store.use('nl');
    assert.equal(notified, 1);
    assert.equal(store.language, 'nl');
    assert.notEqual(store.translate(), before, 'a new t so hooks depending on it re-run');
    assert.equal(store.translate()('app.lock'), DUTCH_LOCK);

    await store.use('nl');
    assert.equal(notified, 1, 'the same language again changes nothing');
    await store.use('fr');
    assert.deepEqual(loads, ['fr', 'nl'], 'a language already loaded is not fetched again');
    unsubscribe();
    await store.use('en');
    assert.equal(notified, 2, 'an unsubscribed listener hears nothing');
  });

  it('lets the latest choice win when an earlier language is still loading', async () => {
    let releaseFrench: (messages: LocaleMessages) => void = () => undefined;
    const store = new LanguageStore({
      en: () => Promise.resolve(en),
      fr: () => new Promise((resolve) => (releaseFrench = resolve)),
      nl: () => Promise.resolve(nl),
    });
    const slow = store.use('fr');
    await store.use('nl');
    releaseFrench(fr);
    await slow;
    assert.equal(store.language, 'nl');
    assert.equal(store.translate()('app.lock'), DUTCH_LOCK);
  });

  it('fetches English only when the active language lacks a key, then re-renders with it', async () => {
    const { loads, loaders } = countingLoaders({ en, fr: { app: { lock: 'Verrouiller' } }, nl });
    const store = new LanguageStore(loaders);
    await store.use('fr');
    let notified = 0;
    store.subscribe(() => (notified += 1));
    assert.equal(store.translate()('app.shortcuts'), 'app.shortcuts', 'English is not loaded yet');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(loads, ['fr', 'en']);
    assert.equal(notified, 1);
    assert.equal(store.translate()('app.shortcuts'), 'Keyboard shortcuts');
    assert.equal(store.translate()('app.lock'), 'Verrouiller');
  });
});
