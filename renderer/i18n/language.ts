import type { LanguageSetting } from '../../electron/shared/settings';

export const UI_LANGUAGES = ['en', 'fr', 'nl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The language to show: the one chosen in settings, or for "system" the first OS/browser locale we speak
 * ("fr-BE" -> French, "nl-BE" -> Dutch), English otherwise.
 */
export function resolveLanguage(setting: LanguageSetting, systemLocales: readonly string[]): UiLanguage {
  if (setting !== 'system') return setting;
  for (const locale of systemLocales) {
    const base = locale.toLowerCase().split(/[-_]/u)[0];
    const match = UI_LANGUAGES.find((language) => language === base);
    if (match !== undefined) return match;
  }
  return 'en';
}

/** Formatting locale: keep the region of the OS locale when it is in the same language (nl-BE dates for Dutch). */
export function formattingLocale(language: UiLanguage, systemLocales: readonly string[]): string {
  const sameLanguage = systemLocales.find((locale) => locale.toLowerCase().split(/[-_]/u)[0] === language);
  return sameLanguage ?? (language === 'en' ? 'en-GB' : `${language}-BE`);
}
