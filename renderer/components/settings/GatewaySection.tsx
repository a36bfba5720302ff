import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { GatewayState } from '../../../electron/shared/ipc-contract';
import { settingsSchema } from '../../../electron/shared/settings';
import type { Settings, SettingsPatch } from '../../../electron/shared/settings';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { validateWith } from '../../forms/field-errors';
import { errorText } from '../../i18n/error-text';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { Switch } from '../common/Switch';

/**
 * The local API gateway: on/off (main confirms turning it on), its port, whether it listens, and the accounts
 * that have a gateway key, each revocable. Keys themselves never reach this page.
 */
export function GatewaySection({ settings, save }: { settings: Settings; save: (patch: SettingsPatch) => Promise<string | null> }) {
  const { t } = useTranslation();
  const [state, setState] = useState<GatewayState | null>(null);
  const [accounts, setAccounts] = useState<{ id: string; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [port, setPort] = useState(String(settings.gatewayPort));
  const [portError, setPortError] = useState<string | undefined>(undefined);

  const load = useCallback(async (): Promise<void> => {
    try {
      setState(await unwrap(winbooks().getGatewayState(undefined)));
      setAccounts((await unwrap(winbooks().listAccounts(undefined))).accounts);
      setError(null);
    } catch (failure) {
      const problem = appErrorOf(failure);
      // A build without the gateway (the browser harness) just shows no status.
      setError(problem.code === 'gateway-unavailable' ? null : errorText(t, problem));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load, settings.gatewayEnabled, settings.gatewayPort]);
  useEffect(() => setPort(String(settings.gatewayPort)), [settings.gatewayPort]);

  const commitPort = async (): Promise<void> => {
    const checked = validateWith(settingsSchema.shape.gatewayPort, port.trim() === '' ? port : Number(port), t, 'gatewayPort');
    if (!checked.ok) return setPortError(checked.errors.gatewayPort);
    if (checked.value === settings.gatewayPort) return setPortError(undefined);
    setPortError((await save({ gatewayPort: checked.value })) ?? undefined);
  };

  const revoke = async (id: string): Promise<void> => {
    try {
      await unwrap(winbooks().revokeGatewayKey({ id }));
      await load();
    } catch (failure) {
      setError(errorText(t, appErrorOf(failure)));
    }
  };

  const keyed = accounts.filter((account) => state?.accountsWithKey.includes(account.id) ?? false);
  return (
    <section className="card settings-section" aria-labelledby="settings-gateway">
      <h2 id="settings-gateway">{t('gateway.title')}</h2>
      <Switch label={t('gateway.enabled')} hint={t('gateway.enabledHint')} checked={settings.gatewayEnabled} onChange={(gatewayEnabled) => save({ gatewayEnabled })} />
      <FormField
        className="field-number"
        label={t('gateway.port')}
        hint={t('gateway.portHint')}
        type="number"
        inputMode="numeric"
        min={1024}
        max={65535}
        step={1}
        value={port}
        onChange={(event) => setPort(event.target.value)}
        onBlur={() => void commitPort()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commitPort();
        }}
        error={portError}
      />
      {state !== null && state.enabled && (
        <p className={state.running ? 'muted' : 'form-error'} role="status">
          {state.running ? t('gateway.running', { port: state.port }) : t('gateway.notRunning', { reason: state.error ?? '' })}
        </p>
      )}
      <FormError message={error} />
      <h3 id="gateway-keys">{t('gateway.keysTitle')}</h3>
      {keyed.length === 0 ? (
        <p className="muted">{t('gateway.keysEmpty')}</p>
      ) : (
        <ul aria-labelledby="gateway-keys">
          {keyed.map((account) => (
            <li key={account.id}>
              {account.label}{' '}
              <button type="button" className="button button-small button-danger-quiet" onClick={() => void revoke(account.id)}>
                {t('gateway.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
