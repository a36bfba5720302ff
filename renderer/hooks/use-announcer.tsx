import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';

export type Tone = 'info' | 'success' | 'error';

interface Message {
  id: number;
  text: string;
  tone: Tone;
  /** Read out but not shown: the screen already shows it in place (e.g. "Saved" beside a setting). */
  quiet: boolean;
}

export interface AnnounceOptions {
  quiet?: boolean;
}

type Announce = (text: string, tone?: Tone, options?: AnnounceOptions) => void;

const AnnouncerContext = createContext<Announce | null>(null);

/** A success or a note is short news: it goes after this long. Errors stay until dismissed. */
const NEWS_VISIBLE_MS = 6000;
const MAX_ERRORS = 3;

/**
 * The window's messages, in one polite live region that is also the status bar at the foot of the window (part
 * of the layout, so a message never covers the list). Errors stay, each with its own Dismiss button, until the
 * user dismisses them; the latest success replaces the previous one and goes by itself. A change of language
 * drops every message (they were worded in the old language).
 */
export function AnnouncerProvider({ language, children }: { language: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Message[]>([]);
  const [news, setNews] = useState<Message | null>(null);
  const nextId = useRef(1);
  const newsTimer = useRef<number | null>(null);

  const clearNewsTimer = (): void => {
    if (newsTimer.current !== null) window.clearTimeout(newsTimer.current);
    newsTimer.current = null;
  };

  const announce = useCallback<Announce>((text, tone = 'info', options = {}) => {
    const message: Message = { id: nextId.current++, text, tone, quiet: options.quiet === true };
    if (tone === 'error') {
      setErrors((current) => [...current.filter((error) => error.text !== text).slice(-(MAX_ERRORS - 1)), message]);
      return;
    }
    setNews(message);
    clearNewsTimer();
    newsTimer.current = window.setTimeout(() => setNews((current) => (current?.id === message.id ? null : current)), NEWS_VISIBLE_MS);
  }, []);

  useEffect(() => {
    setErrors([]);
    setNews(null);
    clearNewsTimer();
  }, [language]);

  useEffect(() => clearNewsTimer, []);

  const dismiss = (id: number): void => setErrors((current) => current.filter((error) => error.id !== id));

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" className="status-bar" data-testid="notices">
        {errors.map((error) => (
          <p key={error.id} className="message message-error" data-testid="error-message">
            <span className="message-text">{error.text}</span>
            <button type="button" className="button button-small message-dismiss" onClick={() => dismiss(error.id)}>
              {t('common.dismiss')}
              <span className="visually-hidden">: {error.text}</span>
            </button>
          </p>
        ))}
        {news !== null && (
          <p key={news.id} className={`message message-${news.tone}${news.quiet ? ' visually-hidden' : ''}`}>
            <span className="message-text">{news.text}</span>
          </p>
        )}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  const value = useContext(AnnouncerContext);
  if (value === null) throw new Error('useAnnounce must be used inside <AnnouncerProvider>.');
  return value;
}
