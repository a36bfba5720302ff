import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Settings } from '../../../electron/shared/settings';

type SettingKey = keyof Settings;

/** The settings saved last, and a counter so that saving the same field again restarts its mark. */
interface LastSaved {
  keys: readonly SettingKey[];
  id: number;
}

const LastSavedContext = createContext<LastSaved>({ keys: [], id: 0 });

/** How long "Saved" stays beside a field: long enough to be seen, short enough not to go stale. */
const MARK_VISIBLE_MS = 4000;

/** Which settings were just saved, for the "Saved" marks beside them; `markSaved` records a save. */
export function useLastSaved(): { lastSaved: LastSaved; markSaved: (keys: readonly SettingKey[]) => void } {
  const [lastSaved, setLastSaved] = useState<LastSaved>({ keys: [], id: 0 });
  const nextId = useRef(1);
  const timer = useRef<number | null>(null);
  const markSaved = useCallback((keys: readonly SettingKey[]) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    const id = nextId.current++;
    setLastSaved({ keys, id });
    timer.current = window.setTimeout(() => setLastSaved((shown) => (shown.id === id ? { keys: [], id } : shown)), MARK_VISIBLE_MS);
  }, []);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return useMemo(() => ({ lastSaved, markSaved }), [lastSaved, markSaved]);
}

export function LastSavedProvider({ value, children }: { value: LastSaved; children: ReactNode }) {
  return <LastSavedContext.Provider value={value}>{children}</LastSavedContext.Provider>;
}

/**
 * "Saved" beside a setting right after main stored it, instead of a message per field in the status bar.
 * Screen readers hear it through the status bar's live region (a quiet announcement), so the mark itself is hidden
 * from them.
 */
export function SavedMark({ field }: { field: SettingKey }) {
  const { t } = useTranslation();
  const { keys } = useContext(LastSavedContext);
  if (!keys.includes(field)) return null;
  return (
    <span className="saved-mark" data-testid="saved-mark" data-field={field} aria-hidden="true">
      <span className="saved-mark-tick">✓</span> {t('settings.savedInline')}
    </span>
  );
}
