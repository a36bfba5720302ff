import type { ShortcutHandlers } from './use-shortcuts';

/**
 * An application menu item ran one of the window's shortcuts (main sends its name). The same rule as the keys:
 * nothing while a dialog is open. Anything that is not a shortcut's name is ignored.
 */
export function runMenuCommand(command: unknown, handlers: ShortcutHandlers, dialogOpen: () => boolean): boolean {
  if (typeof command !== 'string' || !Object.hasOwn(handlers, command) || dialogOpen()) return false;
  handlers[command as keyof ShortcutHandlers]();
  return true;
}
