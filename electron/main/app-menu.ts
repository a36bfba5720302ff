import type { Menu, MenuItemConstructorOptions } from 'electron';
import { buildAppMenu } from '../core/app/app-menu-model';
import type { AppMenuInput, AppMenuItem, AppMenuSection, MenuCommand } from '../core/app/app-menu-model';

/** The application menu's Electron template: command items tell the window to run the command, roles are Electron's. */
export function toAppMenuTemplate(sections: AppMenuSection[], onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const item = (entry: AppMenuItem): MenuItemConstructorOptions => {
    if (entry.kind === 'separator') return { type: 'separator' };
    if (entry.kind === 'role') return { role: entry.role, label: entry.label };
    return {
      label: entry.label,
      accelerator: entry.accelerator,
      registerAccelerator: entry.registerAccelerator,
      enabled: entry.enabled,
      click: () => onCommand(entry.command),
    };
  };
  return sections.map((section) => ({ label: section.label, submenu: section.items.map(item) }));
}

export interface AppMenuDeps {
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  /** Read at each rebuild: call update() after a change of language or of the vault's state. */
  input: () => AppMenuInput;
  onCommand: (command: MenuCommand) => void;
}

export function installAppMenu(deps: AppMenuDeps): { update(): void } {
  const update = (): void => {
    deps.menu.setApplicationMenu(deps.menu.buildFromTemplate(toAppMenuTemplate(buildAppMenu(deps.input()), deps.onCommand)));
  };
  update();
  return { update };
}
