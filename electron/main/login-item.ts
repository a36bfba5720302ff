import type { App } from 'electron';
import type { SettingsStore } from '../core/app/settings-store';
import type { Logger } from '../core/common/logger';

/**
 * "Launch at login" through Electron's login items: macOS and Windows only (setLoginItemSettings does nothing
 * on Linux, per Electron's app documentation), and only for a packaged app (a development build would register
 * the bare Electron binary). The setting is re-read from the system at start: the user may have changed it in
 * the system's settings since.
 */
export function loginItemsSupported(platform: NodeJS.Platform, isPackaged: boolean): boolean {
  return isPackaged && (platform === 'darwin' || platform === 'win32');
}

export function syncLaunchAtLogin(app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'isPackaged'>, platform: NodeJS.Platform, settings: SettingsStore, logger: Logger): void {
  if (!loginItemsSupported(platform, app.isPackaged)) return;
  const actual = app.getLoginItemSettings().openAtLogin;
  if (actual !== settings.get().launchAtLogin) {
    logger.info('login-item.re-read', { openAtLogin: actual });
    settings.update({ launchAtLogin: actual });
  }
  settings.onChange((next, previous) => {
    if (next.launchAtLogin !== previous.launchAtLogin) app.setLoginItemSettings({ openAtLogin: next.launchAtLogin });
  });
}
