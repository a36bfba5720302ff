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
  /** The local socket that serves the winbooks-token command line. */
  cliEnabled: z.boolean(),
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
  cliEnabled: true,
  gatewayEnabled: false,
  /**
   * Below every OS's range of ephemeral ports (Linux 32768-60999, Windows and macOS 49152-65535), so an outgoing
   * connection never holds it; not registered with IANA, and no common development server or proxy uses it.
   */
  gatewayPort: 17_890,
};
