import type { Translation } from './locales/en';

/** The CLDR plural categories a key may carry as a suffix (`count_one`, `count_other`, French `count_many`). */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Every leaf of a translation tree as a dotted path: `app.nav.accounts`, `dashboard.count_one`. */
type LeafPaths<Tree, Prefix extends string = ''> = {
  [Key in keyof Tree & string]: Tree[Key] extends string ? `${Prefix}${Key}` : LeafPaths<Tree[Key], `${Prefix}${Key}.`>;
}[keyof Tree & string];

type EnglishLeaf = LeafPaths<Translation>;

/** A key with plural forms, named without its suffix (`dashboard.count`): it is called with a `count`. */
export type PluralKey = EnglishLeaf extends infer Leaf ? (Leaf extends `${infer Base}_other` ? Base : never) : never;

/** Every key the English locale defines, plural forms under their base name: a key English lacks does not compile. */
export type TranslationKey = EnglishLeaf extends infer Leaf ? (Leaf extends `${infer Base}_${PluralSuffix}` ? Base : Leaf) : never;

/** Values put in place of `{{name}}` in a text. */
export type InterpolationValues = Readonly<Record<string, string | number>>;

/** A plural key needs its count; other keys take optional values. */
export type TranslateArgs<Key extends TranslationKey> = Key extends PluralKey
  ? [values: InterpolationValues & { readonly count: number }]
  : [values?: InterpolationValues];

/**
 * A key built at run time from data (a form field's name, a code from main) that the compiler cannot follow.
 * Use only where the key's parts come from outside the type system; a missing one shows the key itself.
 */
export function runtimeKey(key: string): TranslationKey {
  return key as TranslationKey;
}
