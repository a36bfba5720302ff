import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importReportLines } from '../../renderer/components/backup/import-report';
import { placeRefusal } from '../../renderer/forms/place-refusal';
import { errorText } from '../../renderer/i18n/error-text';
import { en } from '../../renderer/i18n/locales/en';
import { fr } from '../../renderer/i18n/locales/fr';
import { nl } from '../../renderer/i18n/locales/nl';
import type { Translate } from '../../renderer/i18n/translate';
import { createTranslator } from '../../renderer/i18n/translator';

// No English fallback: the French and Dutch words checked here must come from their own locale.
const t: Record<'en' | 'fr' | 'nl', Translate> = {
  en: createTranslator({ language: 'en', messages: en }),
  fr: createTranslator({ language: 'fr', messages: fr }),
  nl: createTranslator({ language: 'nl', messages: nl }),
};

describe('errors are worded from code and params, in the window language', () => {
  it('a duplicate account names the existing one, beside the e-mail field, in EN/FR/NL', () => {
    const refusal = { code: 'duplicate-account' as const, message: 'English for the logs', params: { label: 'Acme Bakery' } };
    for (const language of ['en', 'fr', 'nl'] as const) {
      const placed = placeRefusal(t[language], refusal, ['label', 'email', 'host', 'exchangeToken']);
      assert.equal(placed.formError, null);
      assert.match(placed.fieldErrors.email ?? '', /Acme Bakery/u, language);
      assert.doesNotMatch(placed.fieldErrors.email ?? '', /English for the logs/u);
    }
  });
  it("never shows main's English message, even for invalid input", () => {
    assert.doesNotMatch(errorText(t.fr, { code: 'invalid-input', message: 'Label: too long.' }), /too long/u);
  });
});

describe('the import report names every account and why', () => {
  it('added, updated and skipped, with reasons from codes and params', () => {
    const lines = importReportLines(t.nl, {
      added: ['Boulangerie Dupont'],
      updated: [{ label: 'Garage Peeters' }],
      skipped: [
        { label: 'Cabinet Janssens', reason: 'duplicate-account', params: { existing: 'Janssens (oud)' } },
        { label: 'Mystery', reason: 'something-new' },
      ],
    });
    assert.equal(lines.length, 4);
    assert.match(lines[0] ?? '', /Boulangerie Dupont: toegevoegd/u);
    assert.match(lines[1] ?? '', /Garage Peeters: bijgewerkt/u);
    assert.match(lines[2] ?? '', /Cabinet Janssens.*Janssens \(oud\)/u);
    assert.match(lines[3] ?? '', /Mystery: niet geïmporteerd\. Het kon niet/u, 'an unknown reason code still says the account was not imported');
  });
});
