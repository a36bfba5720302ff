import type { UiLanguage } from './language';
import type { LocaleMessages } from './locales/locale-messages';
import type { Translate } from './translate';
import type { InterpolationValues } from './translation-keys';

/** The texts of one language, with the plural rules of that language. */
export interface Catalogue {
  language: UiLanguage;
  messages: LocaleMessages;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/gu;

function textAt(messages: LocaleMessages, path: string): string | undefined {
  let node: string | LocaleMessages | undefined = messages;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = Object.hasOwn(node, part) ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** `{{name}}` replaced by its value; a placeholder without a value stays visible rather than vanishing. */
export function interpolate(text: string, values: InterpolationValues | undefined): string {
  if (values === undefined) return text;
  return text.replace(PLACEHOLDER, (placeholder, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
}

/**
 * Builds `t` over the active language and English as the fallback for a key the active language lacks.
 * With a numeric `count`, the key's plural form is chosen by Intl.PluralRules of the catalogue's language
 * (`key_one`, `key_many`, `key_other`), then `key_other`, then the bare key. React escapes the result when it
 * renders it as text, so no HTML escaping happens here.
 */
export function createTranslator(active: Catalogue, fallback?: Catalogue, onMissing?: (key: string) => void): Translate {
  const pluralRules = new Map<UiLanguage, Intl.PluralRules>();
  const rulesOf = (language: UiLanguage): Intl.PluralRules => {
    let rules = pluralRules.get(language);
    if (rules === undefined) {
      rules = new Intl.PluralRules(language);
      pluralRules.set(language, rules);
    }
    return rules;
  };
  const find = (catalogue: Catalogue, key: string, count: unknown): string | undefined => {
    if (typeof count !== 'number') return textAt(catalogue.messages, key);
    const category = rulesOf(catalogue.language).select(count);
    return textAt(catalogue.messages, `${key}_${category}`) ?? textAt(catalogue.messages, `${key}_other`) ?? textAt(catalogue.messages, key);
  };
  const translate = (key: string, values?: InterpolationValues): string => {
    const count = values?.count;
    const text = find(active, key, count) ?? (fallback !== undefined ? find(fallback, key, count) : undefined);
    if (text === undefined) {
      onMissing?.(key);
      return key;
    }
    return interpolate(text, values);
  };
  return translate;
}
