import { execFile } from 'node:child_process';

/**
 * Whether a tray icon can show at all. Electron's Linux tray is a StatusNotifierItem, or a GtkStatusIcon (XEmbed)
 * where no SNI watcher runs (Electron's tray documentation). Plain GNOME has neither (no legacy tray since 3.26,
 * and SNI only with the AppIndicator extension, which Ubuntu ships): there the icon silently never appears.
 * Windows and macOS always have one.
 */
export type TrayHost = 'available' | 'absent';

/** Asks the session bus whether a StatusNotifierWatcher is running; null when that cannot be told. */
export type SniWatcherProbe = () => Promise<boolean | null>;

export async function detectTrayHost(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, probe: SniWatcherProbe = dbusSniWatcherProbe): Promise<TrayHost> {
  if (platform !== 'linux') return 'available';
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').split(':').map((name) => name.trim().toLowerCase());
  // Only GNOME lacks the XEmbed fallback too; elsewhere a missing watcher still leaves a tray.
  if (!desktops.includes('gnome')) return 'available';
  const watcher = await probe();
  return watcher === false ? 'absent' : 'available';
}

export const dbusSniWatcherProbe: SniWatcherProbe = () =>
  new Promise((resolve) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.kde.StatusNotifierWatcher'],
      { timeout: 2_000 },
      (error, stdout) => {
        if (error !== null) {
          resolve(null);
          return;
        }
        resolve(/boolean true/u.test(stdout) ? true : /boolean false/u.test(stdout) ? false : null);
      },
    );
  });

/**
 * How the tray icon is used per desktop. macOS opens the menu on a left click (menu-bar convention), so the
 * click does not also show the window; Windows shows the window on a left click and the menu on a right click;
 * Linux "activation" may be a click, a double click or nothing (SNI leaves it to the host), so the menu always
 * carries "Open".
 */
export function trayClickShowsWindow(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}
