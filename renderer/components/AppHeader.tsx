import { useTranslation } from '../i18n/use-translation';

export type View = 'accounts' | 'settings';

interface AppHeaderProps {
  view: View;
  onView: ((view: View) => void) | null;
  /** Locks the vault; null while it is not open. */
  onLock: (() => void) | null;
  demo: boolean;
}

export function AppHeader({ view, onView, onLock, demo }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
        {demo && <span className="badge badge-demo">{t('app.demo')}</span>}
      </div>
      {onView !== null && (
        <nav aria-label={t('app.navigation')}>
          <ul className="nav">
            {(['accounts', 'settings'] as const).map((target) => (
              <li key={target}>
                <button type="button" className={`nav-link${view === target ? ' nav-link-active' : ''}`} aria-current={view === target ? 'page' : undefined} onClick={() => onView(target)}>
                  {t(`app.nav.${target}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {onLock !== null && (
        <button type="button" className="button button-small header-lock" onClick={onLock} aria-keyshortcuts="Control+L Meta+L">
          {t('app.lock')}
        </button>
      )}
    </header>
  );
}
