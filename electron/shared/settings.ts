import { z } from 'zod';

/** Preferences persisted by main (not secret). */

export const languageSchema = z.enum(['system', 'en', 'fr', 'nl']);
export type LanguageSetting = z.infer<typeof languageSchema>;

export const settingsSchema = z.object({
  /** Seconds after a copy before the clipboard is cleared (if it still holds our token); 0 = never. */
  clipboardClearSeconds: z
    .number({ error: 'Clipboard delay: enter a number of seconds.' })
    .int({ error: 'Clipboard delay: use whole seconds.' })
    .min(0, { error: 'Clipboard delay: 0 (never) or more seconds.' })
    .max(3600, { error: 'Clipboard delay: at most 3600 seconds (one hour).' }),
  /** Fixed refresh lead in seconds; null = automatic (10% of the token lifetime, 30 s to 5 min). */
  refreshLeadSeconds: z
    .number({ error: 'Refresh lead: enter a number of seconds or choose automatic.' })
    .int({ error: 'Refresh lead: use whole seconds.' })
    .min(30, { error: 'Refresh lead: at least 30 seconds.' })
    .max(3600, { error: 'Refresh lead: at most 3600 seconds (one hour).' })
    .nullable(),
  launchAtLogin: z.boolean(),
  startInTray: z.boolean(),
  language: languageSchema,
  /** The local socket that serves the winbooks-token command line. Off until the user turns it on (confirmed by main). */
  cliEnabled: z.boolean(),
  /** The ids of the accounts the command line may serve; any other is refused. Widening it is confirmed by main. */
  cliAccounts: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/u, { error: 'Command line accounts: not a valid account id.' }), {
      error: 'Command line accounts: a list of account ids.',
    })
    .max(10_000, { error: 'Command line accounts: at most 10,000.' })
    .transform((ids) => [...new Set(ids)]),
  /** API addresses other than the two Winbooks bases and a loopback sandbox. Turning it on is confirmed by main. */
  allowOtherHosts: z.boolean(),
  /** Lock the vault after this many idle minutes (when it has a passphrase); null = never. */
  autoLockMinutes: z
    .number({ error: 'Auto-lock: enter a number of minutes or choose never.' })
    .int({ error: 'Auto-lock: use whole minutes.' })
    .min(1, { error: 'Auto-lock: at least 1 minute.' })
    .max(24 * 60, { error: 'Auto-lock: at most 1440 minutes (one day).' })
    .nullable(),
  /** The local API gateway (Excel, Power BI, Postman): off until the person turns it on. */
  gatewayEnabled: z.boolean(),
  gatewayPort: z
    .number({ error: 'Gateway port: enter a port number.' })
    .int({ error: 'Gateway port: use a whole number.' })
    .min(1024, { error: 'Gateway port: 1024 or more (lower ports need administrator rights).' })
    .max(65535, { error: 'Gateway port: at most 65535.' }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  clipboardClearSeconds: 30,
  refreshLeadSeconds: null,
  launchAtLogin: false,
  startInTray: false,
  language: 'system',
  cliEnabled: false,
  cliAccounts: [],
  allowOtherHosts: false,
  autoLockMinutes: 15,
  gatewayEnabled: false,
  /**
   * Below every OS's range of ephemeral ports (Linux 32768-60999, Windows and macOS 49152-65535), so an outgoing
   * connection never holds it; not registered with IANA, and no common development server or proxy uses it.
   */
  gatewayPort: 17_890,
};

/** The settings that widen what can reach a token: main asks the user in its own dialog before turning them on. */
export type WideningSetting = 'cliEnabled' | 'cliAccounts' | 'allowOtherHosts';
