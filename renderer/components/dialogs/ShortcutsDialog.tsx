import { useTranslation } from '../../i18n/use-translation';
import { Dialog } from '../common/Dialog';

const MAC = /Mac|iPhone|iPad/u.test(navigator.platform);

/** The keyboard shortcuts of the window, with the modifier of this platform. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const mod = MAC ? '⌘' : 'Ctrl';
  const rows: [string, string][] = [
    [t('shortcuts.arrows'), t('shortcuts.move')],
    [t('shortcuts.homeEnd'), t('shortcuts.firstLast')],
    [t('shortcuts.enter'), t('shortcuts.open')],
    [`${mod}+C`, t('shortcuts.copyToken')],
    [`${mod}+Shift+C`, t('shortcuts.copyHeader')],
    [`${mod}+R`, t('shortcuts.refresh')],
    [`${mod}+F`, t('shortcuts.search')],
    [`${mod}+N`, t('shortcuts.add')],
    [`${mod}+L`, t('shortcuts.lock')],
    ['F1', t('shortcuts.help')],
    [t('shortcuts.escape'), t('shortcuts.close')],
  ];
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([keys, action]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
