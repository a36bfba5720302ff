import type { BrowserWindow } from 'electron';

/**
 * Closing the window hides it: the app keeps refreshing tokens and stays in the tray until Quit.
 * On Windows and Linux the first time says so once (macOS users expect apps to stay in the menu bar).
 */
export function keepRunningOnClose(
  window: Pick<BrowserWindow, 'on' | 'hide'>,
  deps: { platform: NodeJS.Platform; isQuitting: () => boolean; hintAlreadyShown: () => boolean; showHint: () => void },
): void {
  window.on('close', (event) => {
    if (deps.isQuitting()) return;
    event.preventDefault();
    window.hide();
    if (deps.platform !== 'darwin' && !deps.hintAlreadyShown()) deps.showHint();
  });
}

export const TRAY_HINT = {
  title: 'Winbooks Token Manager is still running',
  body: 'It keeps your tokens fresh from the tray. Use Quit in the tray menu to stop it.',
};
