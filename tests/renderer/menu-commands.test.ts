import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MENU_COMMANDS } from '../../electron/core/app/app-menu-model';
import { runMenuCommand } from '../../renderer/components/dashboard/menu-commands';
import type { ShortcutHandlers } from '../../renderer/components/dashboard/use-shortcuts';

function recordingHandlers(): { handlers: ShortcutHandlers; ran: string[] } {
  const ran: string[] = [];
  const handlers: ShortcutHandlers = {
    copyToken: () => ran.push('copyToken'),
    copyHeader: () => ran.push('copyHeader'),
    refresh: () => ran.push('refresh'),
    search: () => ran.push('search'),
    add: () => ran.push('add'),
    lock: () => ran.push('lock'),
    help: () => ran.push('help'),
  };
  return { handlers, ran };
}

describe('application menu commands in the window', () => {
  test('every command main can send runs the shortcut handler of the same name', () => {
    const { handlers, ran } = recordingHandlers();
    for (const command of MENU_COMMANDS) assert.equal(runMenuCommand(command, handlers, () => false), true, command);
    assert.deepEqual(ran, [...MENU_COMMANDS]);
  });

  test('nothing runs while a dialog is open, as with the keys', () => {
    const { handlers, ran } = recordingHandlers();
    assert.equal(runMenuCommand('add', handlers, () => true), false);
    assert.deepEqual(ran, []);
  });

  test('anything that is not a shortcut is ignored', () => {
    const { handlers, ran } = recordingHandlers();
    for (const command of ['toString', '__proto__', 'quit', '', 42, null]) assert.equal(runMenuCommand(command, handlers, () => false), false, String(command));
    assert.deepEqual(ran, []);
  });
});
