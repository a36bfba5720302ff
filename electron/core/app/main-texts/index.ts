import type { LanguageSetting } from '../../../shared/settings';
import type { MainLanguage, MainTexts } from './catalogue';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export { APP_NAME } from './catalogue';
export { wordedErrorOf } from './error-words';
export type { WordedError } from './error-words';
export type { MainLanguage, MainTexts, TrayFailedAction } from './catalogue';

export const MAIN_TEXTS: Readonly<Record<MainLanguage, MainTexts>> = { en, fr, nl };

/**
 * The language main speaks: the one chosen in settings or, for "system", the OS locale's language
 * (Electron's app.getLocale(): "fr-BE" -> French, "nl-BE" -> Dutch), English for any other.
 */
export function resolveMainLanguage(setting: LanguageSetting, osLocale: string): MainLanguage {
  if (setting !== 'system') return setting;
  const language = osLocale.trim().toLowerCase().split(/[-_]/u)[0];
  return language === 'fr' || language === 'nl' ? language : 'en';
}

export function mainTextsFor(setting: LanguageSetting, osLocale: string): MainTexts {
  return MAIN_TEXTS[resolveMainLanguage(setting, osLocale)];
}
