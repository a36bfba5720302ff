import type { UiLanguage } from './language';
import type { LocaleMessages } from './locales/locale-messages';
import type { Translate } from './translate';
import { createTranslator } from './translator';

export type LocaleLoaders = Readonly<Record<UiLanguage, () => Promise<LocaleMessages>>>;

/**
 * The window's language and its `t`: a tiny store for useSyncExternalStore. Only the active language is loaded;
 * English, the fallback, is fetched only if the active language turns out to lack a key (tests/renderer checks
 * that none does), and subscribers re-render once it arrives.
 */
export class LanguageStore {
  readonly #loaders: LocaleLoaders;
  readonly #loaded = new Map<UiLanguage, LocaleMessages>();
  readonly #listeners = new Set<() => void>();
  #requested: UiLanguage | null = null;
  #language: UiLanguage | null = null;
  #fallbackLoading = false;
  #translate: Translate = createTranslator({ language: 'en', messages: {} });

  constructor(loaders: LocaleLoaders) {
    this.#loaders = loaders;
  }

  get language(): UiLanguage | null {
    return this.#language;
  }

  /** The current `t`; a new function after each change, so hooks that depend on it re-run. */
  readonly translate = (): Translate => this.#translate;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Loads the language if needed and makes it current; a later call wins over one still loading. */
  async use(language: UiLanguage): Promise<void> {
    this.#requested = language;
    if (this.#language === language) return;
    await this.#load(language);
    if (this.#requested !== language) return;
    this.#language = language;
    this.#publish();
  }

  async #load(language: UiLanguage): Promise<LocaleMessages> {
    const cached = this.#loaded.get(language);
    if (cached !== undefined) return cached;
    const messages = await this.#loaders[language]();
    this.#loaded.set(language, messages);
    return messages;
  }

  #publish(): void {
    const language = this.#language ?? 'en';
    const english = this.#loaded.get('en');
    const fallback = language !== 'en' && english !== undefined ? { language: 'en' as const, messages: english } : undefined;
    this.#translate = createTranslator({ language, messages: this.#loaded.get(language) ?? {} }, fallback, () => this.#loadFallback());
    for (const listener of [...this.#listeners]) listener();
  }

  #loadFallback(): void {
    if (this.#fallbackLoading || this.#loaded.has('en')) return;
    this.#fallbackLoading = true;
    this.#load('en').then(
      () => this.#publish(),
      () => undefined, // The key itself stays shown; the next miss does not retry a chunk that failed.
    );
  }
}
