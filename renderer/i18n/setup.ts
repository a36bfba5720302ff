import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from './language';
import type { LocaleMessages } from './locales/locale-messages';

/**
 * One chunk per language, loaded when it is first shown: the window carries only the active language
 * (no network loading; the chunks are files of the app, which the CSP allows as 'self').
 */
const LOADERS: Record<UiLanguage, () => Promise<LocaleMessages>> = {
  en: () => import('./locales/en').then((module) => module.en),
  fr: () => import('./locales/fr').then((module) => module.fr),
  nl: () => import('./locales/nl').then((module) => module.nl),
};

async function ensureLoaded(language: UiLanguage): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await LOADERS[language]());
}

/** Starts i18next with the active language only; every language has every key (tests/renderer checks it). */
export async function setupI18n(language: UiLanguage): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {},
    lng: language,
    fallbackLng: false,
    supportedLngs: ['en', 'fr', 'nl'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
}

export async function switchLanguage(language: UiLanguage): Promise<void> {
  await ensureLoaded(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
