import type { z } from 'zod';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema } from '../../shared/settings';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { fieldErrorsOf } from '../../shared/account-input';
import { AppError } from '../common/app-error';
import type { Authenticator, AuthenticatorSource, VaultBoundFile } from '../common/authenticator';
import { silentLogger, type Logger } from '../common/logger';

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
  /** The widening tag kept beside the settings; absent in backends whose file nobody else can edit. */
  readTag?(): unknown;
  writeTag?(tag: string | null): void;
}

/** The settings that widen who or what can reach a token: authenticated on disk with a key from the vault. */
export const WIDENING_FIELDS = ['cliEnabled', 'cliAccounts', 'allowOtherHosts', 'gatewayEnabled'] as const;
export const SETTINGS_AUTHENTICATION_PURPOSE = 'settings widening';

type WideningFields = Pick<Settings, (typeof WIDENING_FIELDS)[number]>;

function wideningOf(settings: Settings): WideningFields {
  return { cliEnabled: settings.cliEnabled, cliAccounts: [...settings.cliAccounts], allowOtherHosts: settings.allowOtherHosts, gatewayEnabled: settings.gatewayEnabled };
}

/** A fixed key order, so the same values always give the same bytes. */
function wideningBytes(settings: Settings): Buffer {
  const fields = wideningOf(settings);
  return Buffer.from(JSON.stringify(WIDENING_FIELDS.map((name) => [name, fields[name]])), 'utf8');
}

function withSafeWidening(settings: Settings): Settings {
  return { ...settings, ...wideningOf(DEFAULT_SETTINGS) };
}

function wideningDiffers(a: Settings, b: Settings): boolean {
  return !wideningBytes(a).equals(wideningBytes(b));
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

export interface SettingsAuthentication {
  /** The vault's authenticator source (null while it is not open). */
  authenticator: AuthenticatorSource;
  logger?: Logger;
}

/**
 * With `authentication`, the widening fields read from disk are not trusted until verifyWidening() checks their
 * tag with the open vault's key: until then get() shows them at their safe defaults (off, empty), and a missing
 * or wrong tag resets them. Every later change is signed again; a widening change needs the vault open.
 */
export class PersistedSettingsStore implements SettingsStore {
  private current: Settings;
  private trusted: boolean;
  private readonly listeners = new Set<(settings: Settings, previous: Settings) => void>();

  constructor(
    private readonly backend: SettingsBackend,
    private readonly authentication?: SettingsAuthentication,
  ) {
    this.current = settingsFromStored(backend.read());
    this.trusted = authentication === undefined;
  }

  get(): Settings {
    return this.trusted ? { ...this.current } : withSafeWidening(this.current);
  }

  /**
   * Checks the stored widening fields against their tag with the open vault's key (once; later calls do nothing).
   * A missing or wrong tag resets them to their safe defaults. Returns false while the vault is not open.
   */
  verifyWidening(): boolean {
    if (this.trusted) return true;
    const authenticator = this.authenticator();
    if (authenticator === null) return false;
    const shown = this.get();
    const tag = this.backend.readTag?.();
    const valid = typeof tag === 'string' && authenticator.verify(wideningBytes(this.current), tag);
    if (!valid) {
      const wasWidened = wideningDiffers(this.current, DEFAULT_SETTINGS);
      (this.authentication?.logger ?? silentLogger).warn('settings.widening-unauthenticated', { tag: typeof tag === 'string' ? 'wrong' : 'missing', reset: wasWidened });
      this.current = withSafeWidening(this.current);
      this.backend.write(this.current);
    }
    this.backend.writeTag?.(authenticator.sign(wideningBytes(this.current)));
    this.trusted = true;
    if (wideningDiffers(shown, this.current)) this.emit(this.current, shown);
    return true;
  }

  /** After a re-key (the vault's data key changed): signs the widening fields again. False while not open. */
  resignWidening(): boolean {
    if (!this.trusted) return this.verifyWidening();
    const authenticator = this.authenticator();
    if (authenticator === null) return false;
    this.backend.writeTag?.(authenticator.sign(wideningBytes(this.current)));
    return true;
  }

  update(patch: SettingsPatch): Settings {
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const first = fieldErrorsOf(parsed.error)[0];
      throw new AppError('invalid-input', first?.message ?? 'Settings: the change is not valid.', first?.field);
    }
    const previous = this.get();
    const next = settingsSchema.parse({ ...previous, ...parsed.data });
    const wideningChanged = wideningDiffers(previous, next);
    if (this.authentication !== undefined && wideningChanged) {
      const authenticator = this.trusted ? this.authenticator() : null;
      if (authenticator === null) throw new AppError('vault-locked', 'The vault is locked: unlock it to change who may reach your tokens.');
      this.backend.write(next);
      this.backend.writeTag?.(authenticator.sign(wideningBytes(next)));
      this.current = next;
    } else {
      // Unverified widening fields stay on disk as they are (their tag still covers them); only the rest changes.
      const stored = this.trusted ? next : { ...next, ...wideningOf(this.current) };
      this.backend.write(stored);
      this.current = stored;
    }
    this.emit(this.get(), previous);
    return this.get();
  }

  onChange(listener: (settings: Settings, previous: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For the session: checked when the vault opens, signed again after a re-key. */
  asVaultBoundFile(): VaultBoundFile {
    return {
      verify: () => {
        this.verifyWidening();
        return Promise.resolve();
      },
      resign: () => {
        this.resignWidening();
        return Promise.resolve();
      },
    };
  }

  private authenticator(): Authenticator | null {
    return this.authentication?.authenticator(SETTINGS_AUTHENTICATION_PURPOSE) ?? null;
  }

  private emit(next: Settings, previous: Settings): void {
    for (const listener of this.listeners) listener({ ...next }, { ...previous });
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
