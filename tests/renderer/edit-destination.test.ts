import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountPatchSchema } from '../../electron/shared/account-input';
import { destinationChanged } from '../../renderer/forms/edit-destination';
import { validateWith } from '../../renderer/forms/field-errors';
import { en } from '../../renderer/i18n/locales/en';
import { fr } from '../../renderer/i18n/locales/fr';
import type { Translate } from '../../renderer/i18n/translate';
import { createTranslator } from '../../renderer/i18n/translator';

const STORED = { email: 'compta@dupont.example', host: 'https://prd.winbooksapis.be/wow/v2' };

describe('editing the e-mail or host of an account (a new grant destination)', () => {
  it('is a destination change only when the stored e-mail or normalised host differs', () => {
    assert.equal(destinationChanged(STORED, STORED), false);
    assert.equal(destinationChanged(STORED, { email: ' compta@dupont.example ', host: 'https://PRD.winbooksapis.be/wow/v2/' }), false, 'spaces and a trailing slash are not a change');
    assert.equal(destinationChanged(STORED, { ...STORED, email: 'other@dupont.example' }), true);
    assert.equal(destinationChanged(STORED, { ...STORED, host: 'https://rapi.winbooksonweb.be' }), true);
    assert.equal(destinationChanged(STORED, { ...STORED, host: 'not an address' }), true, 'an address being typed counts as a change');
  });

  describe('the shared patch rule, worded in the user language', () => {
    const translators: Record<string, Translate> = { en: createTranslator({ language: 'en', messages: en }), fr: createTranslator({ language: 'fr', messages: fr }) };

    it('refuses a new e-mail or host without the exchange token, beside the token field', () => {
      for (const patch of [{ email: 'other@dupont.example' }, { host: 'https://rapi.winbooksonweb.be' }]) {
        const result = validateWith(accountPatchSchema, patch, translators.fr ?? assert.fail());
        assert.equal(result.ok, false, JSON.stringify(patch));
        if (!result.ok) assert.deepEqual(Object.keys(result.errors), ['exchangeToken']);
        if (!result.ok) assert.match(result.errors.exchangeToken ?? '', /^Collez le jeton d'échange de la nouvelle adresse/u);
      }
      const english = validateWith(accountPatchSchema, { email: 'other@dupont.example' }, translators.en ?? assert.fail());
      assert.deepEqual(english.ok ? null : english.errors, { exchangeToken: en.validation.exchangeToken.newDestination });
    });

    it('accepts the new destination with its exchange token, and a label or auto-refresh change without one', () => {
      const moved = accountPatchSchema.safeParse({ email: 'other@dupont.example', exchangeToken: ' abc\n123 ' });
      assert.equal(moved.success, true);
      assert.equal(moved.data?.exchangeToken, 'abc123', 'pasted line breaks are removed as in the add form');
      assert.equal(accountPatchSchema.safeParse({ label: 'Dupont SA' }).success, true);
      assert.equal(accountPatchSchema.safeParse({ autoRefresh: false }).success, true);
    });
  });
});
