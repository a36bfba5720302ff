import { useEffect, useRef } from 'react';
import { runMenuCommand } from './menu-commands';

export interface ShortcutHandlers {
  copyToken: () => void;
  copyHeader: () => void;
  refresh: () => void;
  search: () => void;
  add: () => void;
  lock: () => void;
  help: () => void;
}

/** The window's shortcuts, as listed in the help and mirrored by the application menu's accelerators. */
export const SHORTCUTS = [
  { keys: 'mod+C', action: 'copyToken' },
  { keys: 'mod+shift+C', action: 'copyHeader' },
  { keys: 'mod+R', action: 'refresh' },
  { keys: 'mod+F', action: 'search' },
  { keys: 'mod+N', action: 'add' },
  { keys: 'mod+L', action: 'lock' },
  { keys: 'F1', action: 'help' },
] as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** Ctrl (Cmd on macOS) shortcuts over the whole window; nothing while a dialog is open. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (document.querySelector('dialog[open]') !== null || event.defaultPrevented) return;
      const run = (action: keyof ShortcutHandlers): void => {
        event.preventDefault();
        current.current[action]();
      };
      if (event.key === 'F1' || (event.key === '?' && !isTyping(event.target))) return run('help');
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey) return;
      // The letter as typed, or the physical key when a layout or Shift gives another character.
      const key = /^[a-z]$/iu.test(event.key) ? event.key.toLowerCase() : event.code.replace(/^Key/u, '').toLowerCase();
      if (key === 'c') {
        // Copying selected text (in a field or on the page) stays the ordinary copy.
        const selection = window.getSelection()?.toString() ?? '';
        if (isTyping(event.target) || selection !== '') return;
        return run(event.shiftKey ? 'copyHeader' : 'copyToken');
      }
      if (event.shiftKey) return;
      if (key === 'r') return run('refresh');
      if (key === 'f') return run('search');
      if (key === 'n') return run('add');
      if (key === 'l') return run('lock');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  // The application menu's items (electron/core/app/app-menu-model.ts) run the same handlers.
  useEffect(() => window.winbooks?.onMenuCommand?.((command) => void runMenuCommand(command, current.current, () => document.querySelector('dialog[open]') !== null)), []);
}
