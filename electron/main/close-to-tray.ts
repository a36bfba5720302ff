import type { BrowserWindow } from 'electron';
import type { MainTexts } from '../core/app/main-texts';
import type { Notice } from '../core/app/notices';

/**
 * Closing the window hides it: the app keeps refreshing tokens and stays in the tray until Quit.
 * On Windows and Linux the first time says so once (macOS users expect apps to stay in the menu bar).
 * Where no tray can show (plain GNOME), hiding would leave no way back: the window is minimized instead.
 */
export function keepRunningOnClose(
  window: Pick<BrowserWindow, 'on' | 'hide' | 'minimize'>,
  deps: { platform: NodeJS.Platform; hasTray?: () => boolean; isQuitting: () => boolean; hintAlreadyShown: () => boolean; showHint: () => void },
): void {
  window.on('close', (event) => {
    if (deps.isQuitting()) return;
    event.preventDefault();
    if (deps.hasTray?.() === false) {
      window.minimize();
      return;
    }
    window.hide();
    if (deps.platform !== 'darwin' && !deps.hintAlreadyShown()) deps.showHint();
  });
}

/** The one-time hint that closing the window did not quit the app. */
export function trayHintNotice(texts: MainTexts): Notice {
  return { title: texts.trayHintTitle, body: texts.trayHintBody };
}
