import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Notice, Notifier } from '../core/app/notices';

/** Beyond this many notifications nobody has clicked or closed, the oldest is let go (some Linux servers never say). */
export const MAX_HELD_NOTIFICATIONS = 50;

type HeldNotification = Pick<Notification, 'on' | 'show'>;

/**
 * Shows notices as OS notifications; clicking one opens the window on its account.
 * Electron keeps only a weak reference to a main-process Notification: once the JS object is collected, its
 * click handler goes with it and a later click does nothing (electron/electron#16922, #12690). Each shown
 * notification is therefore held until it is clicked, closed or has failed.
 */
export function electronNotifier(deps: {
  isSupported: () => boolean;
  create: (options: NotificationConstructorOptions) => HeldNotification;
  onClick: (accountId: string | undefined) => void;
}): Notifier & { heldCount(): number } {
  const held = new Set<HeldNotification>();
  const release = (notification: HeldNotification) => (): void => {
    held.delete(notification);
  };
  return {
    notify(notice: Notice) {
      if (!deps.isSupported()) return;
      const notification = deps.create({ title: notice.title, body: notice.body, silent: false });
      notification.on('click', () => {
        held.delete(notification);
        deps.onClick(notice.accountId);
      });
      notification.on('close', release(notification));
      // 'failed' is emitted on Windows only (e.g. no shortcut carries the AppUserModelID).
      notification.on('failed', release(notification));
      held.add(notification);
      if (held.size > MAX_HELD_NOTIFICATIONS) {
        const oldest = held.values().next().value;
        if (oldest !== undefined) held.delete(oldest);
      }
      notification.show();
    },
    heldCount: () => held.size,
  };
}
