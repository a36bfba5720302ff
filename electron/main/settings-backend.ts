import type { SettingsBackend } from '../core/app/settings-store';
import type { Settings } from '../shared/settings';

/** The part of electron-store (a conf) the app uses: preferences and one-time UI flags, not secrets. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const PREFERENCES_STORE_NAME = 'preferences';

export function preferencesBackend(store: KeyValueStore): SettingsBackend {
  return {
    read: () => store.get('settings'),
    write: (settings: Settings) => store.set('settings', settings),
    readTag: () => store.get('settingsWideningTag'),
    writeTag: (tag) => store.set('settingsWideningTag', tag),
  };
}

/** Remembers that the "still running in the tray" hint was shown. */
export function trayHintFlag(store: KeyValueStore): { shown(): boolean; markShown(): void } {
  return {
    shown: () => store.get('trayHintShown') === true,
    markShown: () => store.set('trayHintShown', true),
  };
}
