import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { createTimeFormatters } from '../format/intl-format';
import type { TimeFormatters } from '../format/intl-format';
import type { UiLanguage } from '../i18n/language';

interface LocaleInfo {
  language: UiLanguage;
  /** BCP 47 locale for Intl (keeps the OS region, e.g. nl-BE). */
  locale: string;
  formatters: TimeFormatters;
  collator: Intl.Collator;
}

const LocaleContext = createContext<LocaleInfo | null>(null);

export function LocaleProvider({ language, locale, children }: { language: UiLanguage; locale: string; children: ReactNode }) {
  const value = useMemo<LocaleInfo>(
    () => ({ language, locale, formatters: createTimeFormatters(locale), collator: new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }) }),
    [language, locale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleInfo {
  const value = useContext(LocaleContext);
  if (value === null) throw new Error('useLocale must be used inside <LocaleProvider>.');
  return value;
}
