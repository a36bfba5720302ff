import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { AccountSummary } from '../shared/account-summary';
import type { Clock, TimerHandle } from '../core/common/clock';
import type { MainTexts } from '../core/app/main-texts';
import { throttle } from '../core/common/throttle';
import { buildTrayMenu, trayStatus } from '../core/app/tray-menu-model';
import type { TrayAction, TrayMenuEntry } from '../core/app/tray-menu-model';

/** Rebuilds at most this often when accounts change in bursts. */
export const TRAY_REBUILD_INTERVAL_MS = 1_000;
/** The "12 min left" labels are refreshed this often even when nothing changes. */
export const TRAY_TICK_MS = 30_000;

export function toMenuTemplate(entries: TrayMenuEntry[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    if (entry.kind === 'separator') return { type: 'separator' };
    if (entry.kind === 'submenu') return { label: entry.label, submenu: toMenuTemplate(entry.entries, onAction) };
    return { label: entry.label, enabled: entry.enabled, click: () => onAction(entry.action) };
  });
}

export interface TrayControllerDeps {
  tray: Pick<Tray, 'setContextMenu' | 'setToolTip' | 'setImage'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => Pick<Menu, 'on'>;
  icons: { fine: NativeImage; attention: NativeImage };
  clock: Clock;
  accounts: () => AccountSummary[];
  vaultOpen: () => boolean;
  /** The vault is open and has a passphrase ("Lock now" is offered). */
  canLock?: () => boolean;
  /** The catalogue of the current language, read at each rebuild (call update() after a language change). */
  texts: () => MainTexts;
  onAction: (action: TrayAction) => void;
}

/**
 * Keeps the tray's menu, icon and tooltip in step with the accounts. A menu the user has open is never
 * replaced under their pointer: the rebuild waits until it closes (Menu 'menu-will-show' / 'menu-will-close').
 */
export function createTrayController(deps: TrayControllerDeps): { update(): void; dispose(): void } {
  let lastAttention: boolean | null = null;
  let tick: TimerHandle | null = null;
  let menuOpen = false;
  let rebuildWhenClosed = false;

  const rebuild = (): void => {
    if (menuOpen) {
      rebuildWhenClosed = true;
      return;
    }
    const input = { accounts: deps.accounts(), now: deps.clock.now(), vaultOpen: deps.vaultOpen(), texts: deps.texts(), canLock: deps.canLock?.() ?? false };
    const menu = deps.buildMenu(toMenuTemplate(buildTrayMenu(input), deps.onAction));
    menu.on('menu-will-show', () => {
      menuOpen = true;
    });
    menu.on('menu-will-close', () => {
      menuOpen = false;
      if (!rebuildWhenClosed) return;
      rebuildWhenClosed = false;
      throttled.call();
    });
    deps.tray.setContextMenu(menu as Menu);
    const status = trayStatus(input);
    deps.tray.setToolTip(status.tooltip);
    if (status.attention !== lastAttention) {
      deps.tray.setImage(status.attention ? deps.icons.attention : deps.icons.fine);
      lastAttention = status.attention;
    }
  };
  const throttled = throttle(deps.clock, TRAY_REBUILD_INTERVAL_MS, rebuild);
  const scheduleTick = (): void => {
    tick = deps.clock.schedule(TRAY_TICK_MS, () => {
      throttled.call();
      scheduleTick();
    });
  };
  throttled.call();
  scheduleTick();

  return {
    update: () => throttled.call(),
    dispose: () => {
      throttled.cancel();
      tick?.cancel();
    },
  };
}
