import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { MENU_ACCELERATORS, MENU_COMMANDS, buildAppMenu } from '../../electron/core/app/app-menu-model';
import type { AppMenuItem, AppMenuSection, MenuCommand } from '../../electron/core/app/app-menu-model';
import { MAIN_TEXTS } from '../../electron/core/app/main-texts';
import type { MainLanguage } from '../../electron/core/app/main-texts';
import { installAppMenu, toAppMenuTemplate } from '../../electron/main/app-menu';

const open = { vaultOpen: true, canLock: true } as const;
const items = (sections: AppMenuSection[]): AppMenuItem[] => sections.flatMap((section) => section.items);
const commandItems = (sections: AppMenuSection[]) => items(sections).flatMap((item) => (item.kind === 'command' ? [item] : []));
const commandItem = (sections: AppMenuSection[], command: MenuCommand) => {
  const found = commandItems(sections).find((item) => item.command === command);
  assert.ok(found, `no menu item for ${command}`);
  return found;
};

describe('application menu', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    test(`${platform}: carries every window shortcut with the same keys as the window`, () => {
      const menu = buildAppMenu({ platform, texts: MAIN_TEXTS.en, ...open });
      assert.deepEqual(commandItems(menu).map((item) => item.command).sort(), [...MENU_COMMANDS].sort());
      const keys = Object.fromEntries(commandItems(menu).map((item) => [item.command, item.accelerator]));
      assert.deepEqual(keys, {
        copyToken: 'CmdOrCtrl+C',
        copyHeader: 'CmdOrCtrl+Shift+C',
        refresh: 'CmdOrCtrl+R',
        search: 'CmdOrCtrl+F',
        add: 'CmdOrCtrl+N',
        lock: 'CmdOrCtrl+L',
        help: 'F1',
      });
      assert.equal(new Set(Object.values(MENU_ACCELERATORS)).size, MENU_COMMANDS.length, 'two commands share a key');
    });

    test(`${platform}: Edit keeps the standard roles, so text fields keep cut, copy and paste`, () => {
      const menu = buildAppMenu({ platform, texts: MAIN_TEXTS.en, ...open });
      const roles = items(menu).flatMap((item) => (item.kind === 'role' ? [item.role] : []));
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit'] as const) assert.ok(roles.includes(role), role);
    });
  }

  test('copying the token never takes CmdOrCtrl+C from Edit > Copy', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = buildAppMenu({ platform, texts: MAIN_TEXTS.en, ...open });
      // Shown, but left to the page, which copies the token only when no field has focus and nothing is selected.
      assert.equal(commandItem(menu, 'copyToken').registerAccelerator, false);
      assert.equal(commandItem(menu, 'copyHeader').registerAccelerator, false);
      for (const command of ['refresh', 'search', 'add', 'lock', 'help'] as const) assert.equal(commandItem(menu, command).registerAccelerator, true, command);
    }
    // macOS has no registerAccelerator: the Edit menu comes before Accounts, so an unhandled ⌘C finds Copy first.
    const mac = buildAppMenu({ platform: 'darwin', texts: MAIN_TEXTS.en, ...open });
    const editIndex = mac.findIndex((section) => section.items.some((item) => item.kind === 'role' && item.role === 'copy'));
    const accountsIndex = mac.findIndex((section) => section.items.some((item) => item.kind === 'command' && item.command === 'copyToken'));
    assert.ok(editIndex >= 0 && editIndex < accountsIndex);
    assert.equal(mac[0]?.label, 'Winbooks Token Manager', 'macOS: the application menu first');
  });

  test('while the accounts are locked only Lock (when possible), Help and the Edit roles act', () => {
    const locked = buildAppMenu({ platform: 'win32', texts: MAIN_TEXTS.en, vaultOpen: false, canLock: false });
    const enabled = commandItems(locked).filter((item) => item.enabled).map((item) => item.command);
    assert.deepEqual(enabled, ['help']);
    const unprotected = buildAppMenu({ platform: 'win32', texts: MAIN_TEXTS.en, vaultOpen: true, canLock: false });
    assert.equal(commandItem(unprotected, 'lock').enabled, false);
  });

  const expected: Record<MainLanguage, { sections: string[]; copy: string; shortcuts: string }> = {
    en: { sections: ['Accounts', 'Edit', 'Help'], copy: 'Copy', shortcuts: 'Keyboard shortcuts' },
    fr: { sections: ['Comptes', 'Édition', 'Aide'], copy: 'Copier', shortcuts: 'Raccourcis clavier' },
    nl: { sections: ['Accounts', 'Bewerken', 'Help'], copy: 'Kopiëren', shortcuts: 'Sneltoetsen' },
  };
  for (const language of ['en', 'fr', 'nl'] as const) {
    test(`${language}: every label is in the language, the roles too`, () => {
      const texts = MAIN_TEXTS[language];
      const menu = buildAppMenu({ platform: 'linux', texts, ...open });
      assert.deepEqual(menu.map((section) => section.label), expected[language].sections);
      assert.equal(commandItem(menu, 'copyToken').label, texts.copyToken);
      assert.equal(commandItem(menu, 'help').label, expected[language].shortcuts);
      const copy = items(menu).find((item) => item.kind === 'role' && item.role === 'copy');
      assert.equal(copy?.kind === 'role' ? copy.label : null, expected[language].copy);
      for (const item of items(menu)) if (item.kind !== 'separator') assert.ok(item.label.trim() !== '', JSON.stringify(item));
    });
  }
});

describe('application menu in main', () => {
  test('a command item sends its command; roles stay Electron\'s', () => {
    const sent: MenuCommand[] = [];
    const template = toAppMenuTemplate(buildAppMenu({ platform: 'linux', texts: MAIN_TEXTS.en, ...open }), (command) => sent.push(command));
    const entries = template.flatMap((section) => section.submenu as MenuItemConstructorOptions[]);
    const refresh = entries.find((entry) => entry.accelerator === 'CmdOrCtrl+R');
    assert.equal(refresh?.registerAccelerator, true);
    (refresh?.click as () => void)();
    assert.deepEqual(sent, ['refresh']);
    const copy = entries.find((entry) => entry.role === 'copy');
    assert.equal(copy?.click, undefined, 'Edit > Copy is the native copy');
  });

  test('is installed at once and rebuilt in the new language on update()', () => {
    const installed: string[][] = [];
    let language: MainLanguage = 'en';
    const menu = {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template as unknown as Menu,
      setApplicationMenu: (built: Menu | null) => void installed.push((built as unknown as MenuItemConstructorOptions[]).map((section) => String(section.label))),
    };
    const appMenu = installAppMenu({ menu, input: () => ({ platform: 'win32', texts: MAIN_TEXTS[language], ...open }), onCommand: () => undefined });
    language = 'fr';
    appMenu.update();
    assert.deepEqual(installed, [
      ['Accounts', 'Edit', 'Help'],
      ['Comptes', 'Édition', 'Aide'],
    ]);
  });
});
