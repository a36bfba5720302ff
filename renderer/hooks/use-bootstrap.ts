import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../electron/shared/account-summary';
import type { ResponseOf, VaultState } from '../../electron/shared/ipc-contract';
import type { Settings } from '../../electron/shared/settings';
import { appErrorOf, unwrap } from '../api/request';
import { winbooks } from '../api/winbooks-bridge';

export type AppInfo = ResponseOf<'getAppInfo'>;

export type Bootstrap =
  | { phase: 'loading' }
  | { phase: 'failed'; error: AppErrorShape; retry: () => void }
  | { phase: 'ready'; appInfo: AppInfo; settings: Settings; vault: VaultState; setSettings: (settings: Settings) => void; setVault: (vault: VaultState) => void };

/** What the app needs before showing anything: app info, settings and the vault state (kept current). */
export function useBootstrap(): Bootstrap {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [vault, setVault] = useState<VaultState | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    let unsubscribe: () => void = () => undefined;
    try {
      const bridge = winbooks();
      const unsubscribeVault = bridge.onVaultStateChanged((state) => setVault(state));
      // Main pushes every change, including the widening fields it checks once the vault opens.
      const unsubscribeSettings = bridge.onSettingsChanged((changed) => setSettings(changed));
      unsubscribe = () => {
        unsubscribeVault();
        unsubscribeSettings();
      };
      Promise.all([unwrap(bridge.getAppInfo(undefined)), unwrap(bridge.getSettings(undefined)), unwrap(bridge.getVaultState(undefined))]).then(
        ([info, loadedSettings, state]) => {
          if (!active) return;
          setAppInfo(info);
          setSettings(loadedSettings);
          setVault(state);
          setError(null);
        },
        (failure: unknown) => {
          if (active) setError(appErrorOf(failure));
        },
      );
    } catch (failure) {
      setError(appErrorOf(failure));
    }
    return () => {
      active = false;
      unsubscribe();
    };
  }, [attempt]);

  if (error !== null) return { phase: 'failed', error, retry: () => setAttempt((value) => value + 1) };
  if (appInfo === null || settings === null || vault === null) return { phase: 'loading' };
  return { phase: 'ready', appInfo, settings, vault, setSettings, setVault };
}
