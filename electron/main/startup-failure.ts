import type { App, Dialog } from 'electron';
import type { Logger } from '../core/common/logger';

/**
 * A start-up that fails is shown in a native dialog (dialog.showErrorBox may be called before 'ready', per
 * Electron's dialog documentation) naming the log file, logged there, and the app exits: a packaged user never
 * sees stderr. Words in the OS language (EN/FR/NL), like the tray.
 */

const TEXTS = {
  en: {
    title: 'Winbooks Token Manager could not start',
    details: (log: string) => `Details are in ${log}.`,
    crashLoopTitle: 'The Winbooks Token Manager window keeps crashing',
    crashLoopBody: 'It is not reloaded again. Tokens keep being refreshed in the background; quit and restart the app to open the window.',
  },
  fr: {
    title: 'Winbooks Token Manager n’a pas pu démarrer',
    details: (log: string) => `Les détails sont dans ${log}.`,
    crashLoopTitle: 'La fenêtre de Winbooks Token Manager plante sans cesse',
    crashLoopBody: 'Elle n’est plus rechargée. Les jetons restent rafraîchis en arrière-plan ; quittez puis relancez l’application pour rouvrir la fenêtre.',
  },
  nl: {
    title: 'Winbooks Token Manager kon niet starten',
    details: (log: string) => `Details staan in ${log}.`,
    crashLoopTitle: 'Het venster van Winbooks Token Manager blijft crashen',
    crashLoopBody: 'Het wordt niet meer herladen. Tokens worden op de achtergrond verder vernieuwd; sluit de app af en start ze opnieuw om het venster te openen.',
  },
} as const;

export function nativeDialogTexts(locale: string): (typeof TEXTS)[keyof typeof TEXTS] {
  const language = locale.slice(0, 2).toLowerCase();
  return language === 'fr' || language === 'nl' ? TEXTS[language] : TEXTS.en;
}

export function reportStartupFailure(deps: { app: Pick<App, 'getLocale' | 'exit'>; dialog: Pick<Dialog, 'showErrorBox'>; logger: Logger; logPath: string }, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  deps.logger.error('startup.failed', { message, stack: error instanceof Error ? (error.stack ?? null) : null });
  const texts = nativeDialogTexts(safeLocale(deps.app));
  try {
    deps.dialog.showErrorBox(texts.title, `${message}\n\n${texts.details(deps.logPath)}`);
  } finally {
    deps.app.exit(1);
  }
}

export function safeLocale(app: Pick<App, 'getLocale'>): string {
  try {
    return app.getLocale();
  } catch {
    return 'en';
  }
}
