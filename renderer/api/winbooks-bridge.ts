// The type of `window.winbooks` comes from the preload object itself (issue 4), so it cannot drift from what
// the preload exposes. Type-only: nothing of the preload is bundled into the renderer.
import type { WinbooksBridge } from '../../electron/preload/bridge-type';

export type { WinbooksBridge };

declare global {
  interface Window {
    winbooks?: WinbooksBridge;
  }
}

/** The bridge, or a clear error when the page was opened without the preload (or the harness script). */
export function winbooks(): WinbooksBridge {
  const bridge = window.winbooks;
  if (bridge === undefined) {
    throw new Error('The app bridge (window.winbooks) is missing: open this page from the app or from `npm run dev:web`.');
  }
  return bridge;
}
