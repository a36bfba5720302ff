import { useSyncExternalStore } from 'react';
import type { Translate } from './translate';
import { languageStore } from './setup';

/** `const { t } = useTranslation()`: the active language's `t`; the component re-renders when the language changes. */
export function useTranslation(): { t: Translate } {
  const t = useSyncExternalStore(languageStore.subscribe, languageStore.translate);
  return { t };
}
