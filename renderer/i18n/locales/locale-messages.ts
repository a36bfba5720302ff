/** A translation tree: nested keys ending in strings. Plural forms are keys with an _one / _many / _other suffix. */
export interface LocaleMessages {
  [key: string]: string | LocaleMessages;
}
