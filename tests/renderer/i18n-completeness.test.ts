import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { accountStatusSchema, errorCodeSchema } from '../../electron/shared/account-summary';
import { languageSchema } from '../../electron/shared/settings';
import { en } from '../../renderer/i18n/locales/en';
import { fr } from '../../renderer/i18n/locales/fr';
import type { LocaleMessages } from '../../renderer/i18n/locales/locale-messages';
import { nl } from '../../renderer/i18n/locales/nl';
import { SORT_KEYS } from '../../renderer/state/account-list';
import type { AccountState } from '../../renderer/state/account-view';

const ACCOUNT_STATES: readonly AccountState[] = ['ready', 'refreshing', 'retrying', 'auto-refresh-off', 'expired-manual', 'expired-failing', 'needs-exchange-token', 'secrets-unreadable'];

const LOCALES: Record<string, LocaleMessages> = { en, fr, nl };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/u;

function flatten(tree: LocaleMessages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** Keys without plural suffixes, each with the suffixes it has. */
function baseKeys(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match === null ? key : key.slice(0, match.index);
    const forms = out.get(base) ?? new Set<string>();
    if (match?.[1] !== undefined) forms.add(match[1]);
    out.set(base, forms);
  }
  return out;
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((match) => match[1] ?? '').sort();
}

const flatEn = flatten(en);
const baseEn = baseKeys(flatEn);

describe('translations', () => {
  for (const [language, messages] of Object.entries(LOCALES)) {
    const flat = flatten(messages);
    const bases = baseKeys(flat);
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

    it(`${language}: has every key of English and no other`, () => {
      assert.deepEqual([...bases.keys()].sort(), [...baseEn.keys()].sort());
    });

    it(`${language}: plural keys have every form the language needs (${categories.join(', ')})`, () => {
      for (const [base, forms] of baseEn) {
        if (forms.size === 0) continue;
        const own = bases.get(base) ?? new Set<string>();
        for (const category of categories) assert.ok(own.has(category), `${language}: ${base}_${category} is missing`);
      }
    });

    it(`${language}: no empty text, and the same {{variables}} as English`, () => {
      for (const [key, text] of flat) {
        assert.notEqual(text.trim(), '', `${language}: ${key} is empty`);
        const base = key.replace(PLURAL_SUFFIX, '');
        const reference = flatEn.get(key) ?? flatEn.get(`${base}_other`) ?? flatEn.get(base);
        assert.ok(reference !== undefined, `${language}: ${key} has no English counterpart`);
        assert.deepEqual(variables(text), variables(reference), `${language}: ${key} uses other variables than English`);
      }
    });
  }

  it('French and Dutch are translations, not copies of English', () => {
    for (const [language, messages] of Object.entries({ fr, nl })) {
      const flat = flatten(messages);
      const same = [...flat].filter(([key, text]) => flatEn.get(key) === text && /[a-z]{4,}\s+[a-z]{4,}/iu.test(text));
      // Only proper names and API addresses may stay identical.
      assert.deepEqual(
        same.map(([key]) => key).filter((key) => !key.startsWith('settings.languages.') && key !== 'app.name'),
        [],
        `${language}: untranslated`,
      );
    }
  });
});

describe('every key the UI builds from data exists', () => {
  const has = (key: string): boolean => flatEn.has(key) || flatEn.has(`${key}_other`);
  it('statuses, error codes, host kinds, sort keys, languages', () => {
    for (const status of accountStatusSchema.options) assert.ok(has(`status.${status}`), `status.${status}`);
    for (const state of ACCOUNT_STATES) {
      assert.ok(has(`status.${state}`), `status.${state}`);
      assert.ok(has(`stateHelp.${state}`), `stateHelp.${state}`);
    }
    for (const code of errorCodeSchema.options) assert.ok(has(`errors.${code}`), `errors.${code}`);
    for (const kind of ['production', 'legacy', 'custom']) {
      assert.ok(has(`host.${kind}`));
      assert.ok(has(`form.hostChoice.${kind}`));
    }
    for (const key of SORT_KEYS) assert.ok(has(`dashboard.sortBy.${key}`));
    for (const language of languageSchema.options) assert.ok(has(`settings.languages.${language}`));
  });

  it('validation messages for every validated field', () => {
    for (const field of ['label', 'email', 'host', 'exchangeToken', 'passphrase', 'clipboardClearSeconds', 'refreshLeadSeconds']) {
      for (const kind of ['required', 'tooSmall', 'tooBig', 'invalid']) assert.ok(has(`validation.${field}.${kind}`), `validation.${field}.${kind}`);
    }
    for (const problem of ['scheme', 'credentials', 'query', 'oauthPath']) assert.ok(has(`validation.host.${problem}`));
    assert.ok(has('validation.exchangeToken.characters'));
  });
});

describe('components', () => {
  const rendererDir = fileURLToPath(new URL('../../renderer', import.meta.url));
  const files = (function list(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? list(path) : /\.tsx?$/u.test(name) ? [path] : [];
    });
  })(rendererDir);

  it('every literal t("...") key exists in English', () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/gu)) {
        const key = match[1] ?? '';
        if (!flatEn.has(key) && !flatEn.has(`${key}_one`)) missing.push(`${file}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('no hard-coded words in JSX text or in labelling attributes', () => {
    const found: string[] = [];
    for (const file of files.filter((path) => path.endsWith('.tsx'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          // A line of words (a JSX text node); a lone lower-case word is a boolean attribute such as `required`.
          const jsxText = /^\s*([A-Za-zÀ-ÿ]+[,.'!?]?\s+)+[A-Za-zÀ-ÿ]+[.!?]?\s*$|^\s*[A-ZÀ-Ý][a-zà-ÿ]+[.!?]?\s*$/u.test(line) && !/^\s*(return|export|import|const|let|if|else|type|interface|function)\b/u.test(line);
          const attribute = /\b(aria-label|placeholder|title|alt)="[^"]*[A-Za-z]/u.test(line);
          const between = />\s*[A-Za-zÀ-ÿ]{2,}[^<>{}]*<\//u.test(line);
          if (jsxText || attribute || between) found.push(`${file}:${index + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(found, []);
  });
});
