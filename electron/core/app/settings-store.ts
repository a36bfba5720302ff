import type { z } from 'zod';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema } from '../../shared/settings';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { fieldErrorsOf } from '../../shared/account-input';
import { AppError } from '../common/app-error';

/** Preferences (not secret): read validated, written validated. Main persists them with electron-store. */
export interface SettingsStore {
  get(): Settings;
  /** Validates and applies a patch; rejects a bad field with an `invalid-input` AppError naming it. */
  update(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings, previous: Settings) => void): () => void;
}

/** Where settings are kept: electron-store in the app, a variable in tests and in the browser harness. */
export interface SettingsBackend {
  /** The stored object as found (possibly from an older or hand-edited file): validated before use. */
  read(): unknown;
  write(settings: Settings): void;
}

/** Keeps every stored field that is valid and falls back to the default for the others. */
export function settingsFromStored(stored: unknown): Settings {
  const source: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fieldSchema] of Object.entries(settingsSchema.shape)) {
    const parsed = (fieldSchema as z.ZodType).safeParse(source[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return settingsSchema.parse(result);
}

export class PersistedSettingsStore implements SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings, previous: Settings) => void>();

  constructor(private readonly backend: SettingsBackend) {
    this.current = settingsFromStored(backend.read());
  }

  get(): Settings {
    return { ...this.current };
  }

  update(patch: SettingsPatch): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const first = fieldErrorsOf(parsed.error)[0];
      throw new AppError('invalid-input', first?.message ?? 'Settings: the change is not valid.', first?.field);
    }
    const previous = this.current;
    const next = settingsSchema.parse({ ...previous, ...parsed.data });
    this.backend.write(next);
    this.current = next;
    for (const listener of this.listeners) listener({ ...next }, { ...previous });
    return { ...next };
  }

  onChange(listener: (settings: Settings, previous: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A settings store kept in memory: for tests and the browser harness. */
export function createInMemorySettingsStore(initial: Partial<Settings> = {}): PersistedSettingsStore {
  let stored: unknown = { ...DEFAULT_SETTINGS, ...initial };
  return new PersistedSettingsStore({
    read: () => stored,
    write: (settings) => {
      stored = settings;
    },
  });
}
