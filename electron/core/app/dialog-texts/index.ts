import type { LanguageSetting } from '../../../shared/settings';
import { resolveMainLanguage } from '../main-texts';
import type { MainLanguage } from '../main-texts';
import type { DialogTexts } from './catalogue';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export type { DialogTexts } from './catalogue';

export const DIALOG_TEXTS: Readonly<Record<MainLanguage, DialogTexts>> = { en, fr, nl };

/** Main's dialogs speak the language chosen in settings, or the OS locale's for "system". */
export function dialogTextsFor(setting: LanguageSetting, osLocale: string): DialogTexts {
  return DIALOG_TEXTS[resolveMainLanguage(setting, osLocale)];
}
