import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Tone = 'info' | 'success' | 'error';

interface Notice {
  id: number;
  text: string;
  tone: Tone;
}

type Announce = (text: string, tone?: Tone) => void;

const AnnouncerContext = createContext<Announce | null>(null);

const NOTICE_VISIBLE_MS = 8000;
const MAX_NOTICES = 4;

/**
 * Status messages, shown as notices and read out by screen readers: errors through an assertive live region,
 * everything else through a polite one. The regions exist from the start so assistive technology watches them.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<number>());

  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);

  const announce = useCallback<Announce>(
    (text, tone = 'info') => {
      const id = nextId.current++;
      setNotices((current) => [...current.slice(-(MAX_NOTICES - 1)), { id, text, tone }]);
      const timer = window.setTimeout(() => {
        timers.current.delete(timer);
        dismiss(id);
      }, NOTICE_VISIBLE_MS);
      timers.current.add(timer);
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => window.clearTimeout(timer));
  }, []);

  const value = useMemo(() => announce, [announce]);
  const polite = notices.filter((notice) => notice.tone !== 'error');
  const assertive = notices.filter((notice) => notice.tone === 'error');

  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="notices">
        <div role="status" aria-live="polite" className="notice-stack" data-testid="notices">
          {polite.map((notice) => (
            <NoticeView key={notice.id} notice={notice} onDismiss={dismiss} dismissLabel={t('common.dismiss')} />
          ))}
        </div>
        <div role="alert" aria-live="assertive" className="notice-stack">
          {assertive.map((notice) => (
            <NoticeView key={notice.id} notice={notice} onDismiss={dismiss} dismissLabel={t('common.dismiss')} />
          ))}
        </div>
      </div>
    </AnnouncerContext.Provider>
  );
}

function NoticeView({ notice, onDismiss, dismissLabel }: { notice: Notice; onDismiss: (id: number) => void; dismissLabel: string }) {
  return (
    <div className={`notice notice-${notice.tone}`}>
      <span>{notice.text}</span>
      <button type="button" className="icon-button" aria-label={dismissLabel} onClick={() => onDismiss(notice.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

export function useAnnounce(): Announce {
  const value = useContext(AnnouncerContext);
  if (value === null) throw new Error('useAnnounce must be used inside <AnnouncerProvider>.');
  return value;
}
