import type { UiLanguage } from './language';
import { LanguageStore } from './language-store';
import type { LocaleLoaders } from './language-store';

/**
 * One chunk per language, loaded when it is first shown: the window carries only the active language
 * (no network loading; the chunks are files of the app, which the CSP allows as 'self').
 */
const LOADERS: LocaleLoaders = {
  en: () => import('./locales/en').then((module) => module.en),
  fr: () => import('./locales/fr').then((module) => module.fr),
  nl: () => import('./locales/nl').then((module) => module.nl),
};

/** The window's one language store, read by useTranslation. */
export const languageStore = new LanguageStore(LOADERS);

/** Loads the first language before the first render, so no screen flashes keys. */
export async function setupI18n(language: UiLanguage): Promise<void> {
  await languageStore.use(language);
}

export async function switchLanguage(language: UiLanguage): Promise<void> {
  await languageStore.use(language);
  document.documentElement.lang = language;
}
