import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Notice, Notifier } from '../core/app/notices';

/** Shows notices as OS notifications; clicking one opens the window on its account. */
export function electronNotifier(deps: {
  isSupported: () => boolean;
  create: (options: NotificationConstructorOptions) => Pick<Notification, 'on' | 'show'>;
  onClick: (accountId: string | undefined) => void;
}): Notifier {
  return {
    notify(notice: Notice) {
      if (!deps.isSupported()) return;
      const notification = deps.create({ title: notice.title, body: notice.body, silent: false });
      notification.on('click', () => deps.onClick(notice.accountId));
      notification.show();
    },
  };
}
