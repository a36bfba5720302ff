import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { errorText } from '../i18n/error-text';
import { formattingLocale, resolveLanguage } from '../i18n/language';
import { switchLanguage } from '../i18n/setup';
import { useAccounts } from '../hooks/use-accounts';
import { AnnouncerProvider, useAnnounce } from '../hooks/use-announcer';
import { useBootstrap } from '../hooks/use-bootstrap';
import { useFocusRescue } from '../hooks/use-focus-rescue';
import { appErrorOf, unwrap } from '../api/request';
import { winbooks } from '../api/winbooks-bridge';
import { revealAccountRow, useOpenAccountRequests } from '../hooks/use-open-account';
import type { AppInfo } from '../hooks/use-bootstrap';
import { LocaleProvider } from '../hooks/use-locale';
import { useStatusAnnouncements } from '../hooks/use-status-announcements';
import type { Settings } from '../../electron/shared/settings';
import type { VaultState } from '../../electron/shared/ipc-contract';
import { AppHeader } from './AppHeader';
import type { View } from './AppHeader';
import { Dashboard } from './dashboard/Dashboard';

// Screens with forms load on demand: the window's first paint carries the list, not the form validation.
const loadFirstRun = () => import('./screens/FirstRunScreen');
const loadUnlock = () => import('./screens/UnlockScreen');
const loadSettings = () => import('./settings/SettingsScreen');
const FirstRunScreen = lazy(() => loadFirstRun().then((module) => ({ default: module.FirstRunScreen })));
const UnlockScreen = lazy(() => loadUnlock().then((module) => ({ default: module.UnlockScreen })));
const SettingsScreen = lazy(() => loadSettings().then((module) => ({ default: module.SettingsScreen })));

/** Once the window is idle, fetch the other screens so opening them never waits. */
function prefetchScreens(): void {
  const fetchAll = (): void => void Promise.all([loadFirstRun(), loadUnlock(), loadSettings()]).catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(fetchAll, { timeout: 3000 });
  else setTimeout(fetchAll, 1000);
}

export function App() {
  const boot = useBootstrap();
  const { t } = useTranslation();
  if (boot.phase === 'loading') {
    return (
      <main id="main" className="centered" aria-busy="true">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  if (boot.phase === 'failed') {
    return (
      <main id="main" className="centered">
        <div className="card">
          <h1>{t('app.loadFailed')}</h1>
          <p role="alert">{errorText(t, boot.error)}</p>
          {boot.error.code === 'internal' && <p className="muted">{boot.error.message}</p>}
          <button type="button" className="button button-primary" onClick={boot.retry}>
            {t('common.retry')}
          </button>
        </div>
      </main>
    );
  }
  return <LocalizedApp appInfo={boot.appInfo} settings={boot.settings} vault={boot.vault} setSettings={boot.setSettings} setVault={boot.setVault} />;
}

interface LocalizedAppProps {
  appInfo: AppInfo;
  settings: Settings;
  vault: VaultState;
  setSettings: (settings: Settings) => void;
  setVault: (vault: VaultState) => void;
}

function LocalizedApp({ appInfo, settings, vault, setSettings, setVault }: LocalizedAppProps) {
  const systemLocales = useMemo(() => [appInfo.locale, ...navigator.languages].filter((locale) => locale !== ''), [appInfo.locale]);
  const language = resolveLanguage(settings.language, systemLocales);
  const locale = formattingLocale(language, systemLocales);

  useEffect(() => {
    void switchLanguage(language);
  }, [language]);

  return (
    <LocaleProvider language={language} locale={locale}>
      <AnnouncerProvider language={language}>
        <Screens appInfo={appInfo} settings={settings} vault={vault} setSettings={setSettings} setVault={setVault} />
      </AnnouncerProvider>
    </LocaleProvider>
  );
}

function Screens({ appInfo, settings, vault, setSettings, setVault }: LocalizedAppProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [view, setView] = useState<View>('accounts');
  const open = vault.state === 'open';
  const { store, accounts, loaded, error, reload } = useAccounts(open);
  useStatusAnnouncements(store);
  useFocusRescue();
  useEffect(prefetchScreens, []);

  const lock = useCallback(async (): Promise<void> => {
    try {
      setVault(await unwrap(winbooks().lockVault(undefined)));
      setView('accounts');
    } catch (failure) {
      announce(errorText(t, appErrorOf(failure)), 'error');
    }
  }, [announce, setVault, t]);
  // The tray or a notification asks for one account: back to the list, that row scrolled to and focused.
  const [revealId, setRevealId] = useState<string | null>(null);
  useOpenAccountRequests((accountId) => {
    setView('accounts');
    setRevealId(accountId);
  });
  useEffect(() => {
    if (revealId !== null && revealAccountRow(revealId)) setRevealId(null);
  }, [revealId, accounts, view]);

  let content;
  if (!open) {
    content = <UnlockScreen vault={vault} onVaultState={setVault} />;
  } else if (view === 'settings') {
    content = <SettingsScreen settings={settings} appInfo={appInfo} onSettings={setSettings} vault={vault} onVaultState={setVault} />;
  } else if (error !== null && !loaded) {
    content = (
      <div className="card">
        <p role="alert">{errorText(t, error)}</p>
        <button type="button" className="button button-primary" onClick={reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  } else if (!loaded) {
    content = <p role="status">{t('app.loading')}</p>;
  } else if (accounts.length === 0) {
    content = <FirstRunScreen onAdded={(account) => announce(t('form.added', { label: account.label }), 'success')} />;
  } else {
    content = <Dashboard accounts={accounts} onLock={() => void lock()} />;
  }

  return (
    <div className="app">
      <AppHeader view={view} onView={open ? setView : null} onLock={open ? () => void lock() : null} demo={appInfo.demo} />
      <main id="main" className={`app-main app-main-${open ? view : 'locked'}`} tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>{content}</Suspense>
      </main>
    </div>
  );
}
