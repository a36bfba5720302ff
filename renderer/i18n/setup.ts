import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { nl } from './locales/nl';
import type { UiLanguage } from './language';

export const RESOURCES = {
  en: { translation: en },
  fr: { translation: fr },
  nl: { translation: nl },
} as const;

/** Starts i18next with the three bundled languages (no network loading: the CSP forbids it anyway). */
export async function setupI18n(language: UiLanguage): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr', 'nl'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function switchLanguage(language: UiLanguage): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
