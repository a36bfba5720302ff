import type { Clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../core/app/clipboard-guard';

/**
 * Electron's clipboard as the ClipboardPort. The token is written together with the platform's
 * "sensitive content" markers in one atomic write, so clipboard managers and cloud sync leave it alone:
 * macOS: org.nspasteboard.ConcealedType (nspasteboard.org);
 * Windows: ExcludeClipboardContentFromMonitorProcessing, and CanIncludeInClipboardHistory /
 *   CanUploadToCloudClipboard as a DWORD 0;
 * Linux (KDE Klipper): x-kde-passwordManagerHint = secret.
 */

const raw = (format: string): string => `electron application/osclipboard;format="${format}"`;
/** A DWORD 0: four zero bytes (a string payload is written as its UTF-8 bytes). */
const DWORD_ZERO = '\0\0\0\0';

export function sensitiveClipboardEntries(text: string, platform: NodeJS.Platform): Record<string, string> {
  const entries: Record<string, string> = { 'text/plain': text };
  if (platform === 'darwin') {
    entries[raw('org.nspasteboard.ConcealedType')] = 'winbooks-token-manager';
  } else if (platform === 'win32') {
    entries[raw('ExcludeClipboardContentFromMonitorProcessing')] = DWORD_ZERO;
    entries[raw('CanIncludeInClipboardHistory')] = DWORD_ZERO;
    entries[raw('CanUploadToCloudClipboard')] = DWORD_ZERO;
  } else if (platform === 'linux') {
    entries[raw('x-kde-passwordManagerHint')] = 'secret';
  }
  return entries;
}

export function electronClipboardPort(deps: {
  clipboard: Pick<Clipboard, 'write' | 'writeText' | 'readText' | 'clear'>;
  createItem: (entries: Record<string, string>) => ClipboardItem;
  platform: NodeJS.Platform;
  /** Told when the concealed formats were refused and the token went as plain text (clipboard history may keep it). */
  onPlainTextFallback?: (reason: string) => void;
}): ClipboardPort {
  return {
    async writeText(text) {
      try {
        await deps.clipboard.write([deps.createItem(sensitiveClipboardEntries(text, deps.platform))]);
      } catch (error) {
        // A platform that refuses the marker formats still gets the text (cleared later as usual), and it is said.
        deps.onPlainTextFallback?.(error instanceof Error ? error.message.slice(0, 200) : 'refused');
        await deps.clipboard.writeText(text);
      }
    },
    readText: () => deps.clipboard.readText(),
    clear: () => deps.clipboard.clear(),
  };
}
