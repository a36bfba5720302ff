import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newAccountSchema } from '../../electron/shared/account-input';
import { passphraseSchema } from '../../electron/shared/passphrase';
import { settingsSchema } from '../../electron/shared/settings';
import { hostProblemOf, validateWith } from '../../renderer/forms/field-errors';
import { placeRefusal } from '../../renderer/forms/place-refusal';
import { formattingLocale, resolveLanguage } from '../../renderer/i18n/language';
import { en } from '../../renderer/i18n/locales/en';
import { fr } from '../../renderer/i18n/locales/fr';
import { nl } from '../../renderer/i18n/locales/nl';
import type { Translate } from '../../renderer/i18n/translate';
import { createTranslator } from '../../renderer/i18n/translator';

describe('language choice', () => {
  it('follows the OS locale for "system", English when none is ours', () => {
    assert.equal(resolveLanguage('system', ['fr-BE', 'en-US']), 'fr');
    assert.equal(resolveLanguage('system', ['de-DE', 'nl_BE']), 'nl');
    assert.equal(resolveLanguage('system', ['de-DE']), 'en');
    assert.equal(resolveLanguage('nl', ['fr-BE']), 'nl');
  });
  it('keeps the OS region for formatting when the language matches', () => {
    assert.equal(formattingLocale('nl', ['nl-BE']), 'nl-BE');
    assert.equal(formattingLocale('fr', ['en-US']), 'fr-BE');
  });
});

describe('inline validation with the shared schemas, in the user language', () => {
  const translators: Record<string, Translate> = {
    en: createTranslator({ language: 'en', messages: en }),
    fr: createTranslator({ language: 'fr', messages: fr }),
    nl: createTranslator({ language: 'nl', messages: nl }),
  };
  const t = (language: string): Translate => {
    const found = translators[language];
    assert.ok(found);
    return found;
  };

  it('gives one translated message per failing field', () => {
    const result = validateWith(newAccountSchema, { label: '', email: 'nope', host: 'https://example.com/OAuth20/Token', exchangeToken: 'bad token é' }, t('fr'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.errors.label, 'Donnez un nom à ce compte.');
    assert.match(result.errors.email ?? '', /n'est pas valide/u);
    assert.equal(result.errors.host, fr.validation && t('fr')('validation.host.oauthPath'));
    assert.match(result.errors.exchangeToken ?? '', /caractères impossibles/u);
  });

  it('knows each host rule of normaliseHost', () => {
    assert.equal(hostProblemOf('unknown sentence'), 'invalid');
    const scheme = validateWith(newAccountSchema.shape.host, 'http://winbooks.example', t('nl'), 'host');
    assert.equal(scheme.ok, false);
    if (!scheme.ok) assert.match(scheme.errors.host ?? '', /https:\/\//u);
  });

  it('words limits from the schema (passphrase, settings)', () => {
    const short = validateWith(passphraseSchema, 'short', t('en'), 'passphrase');
    assert.equal(short.ok ? null : short.errors.passphrase, 'Use at least 12 characters.');
    const delay = validateWith(settingsSchema.shape.clipboardClearSeconds, 5000, t('nl'), 'clipboardClearSeconds');
    assert.equal(delay.ok ? null : delay.errors.clipboardClearSeconds, 'Maximaal 3600 seconden.');
    assert.equal(validateWith(settingsSchema.shape.clipboardClearSeconds, 45, t('en'), 'clipboardClearSeconds').ok, true);
  });

  it('places a server refusal beside the field it concerns', () => {
    const rejected = placeRefusal(t('en'), { code: 'grant-rejected', message: 'rejected' }, ['label', 'exchangeToken']);
    assert.match(rejected.fieldErrors.exchangeToken ?? '', /refused this exchange token/u);
    assert.equal(rejected.formError, null);
    const named = placeRefusal(t('en'), { code: 'duplicate-label', message: 'dup', field: 'label' }, ['label']);
    assert.ok(named.fieldErrors.label);
    const elsewhere = placeRefusal(t('en'), { code: 'storage-failed', message: 'disk' }, ['label']);
    assert.deepEqual(elsewhere.fieldErrors, {});
    assert.match(elsewhere.formError ?? '', /could not be saved/u);
  });
});
