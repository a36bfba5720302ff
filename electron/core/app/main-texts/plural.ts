import type { MainLanguage } from './catalogue';

/** The forms of one counted phrase; `#` stands for the number. `many` is French for large round numbers ("1 000 000 de comptes"). */
export interface PluralForms {
  one: string;
  other: string;
  many?: string;
}

/** Picks the plural form the language's rules ask for (Intl.PluralRules) and puts the formatted number in it. */
export function pluralizer(language: MainLanguage): (count: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  return (count, forms) => {
    const category = rules.select(count);
    const form = category === 'one' ? forms.one : category === 'many' ? (forms.many ?? forms.other) : forms.other;
    return form.replace('#', numbers.format(count));
  };
}
