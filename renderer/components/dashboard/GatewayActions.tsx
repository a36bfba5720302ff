import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { useLocale } from '../../hooks/use-locale';
import { ForAccount } from './ForAccount';

/**
 * An account's local API gateway copies. Main asks in its own dialog before issuing a key and copies the text
 * itself: this component never sees a key. 
 */
export function GatewayActions({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const { formatters } = useLocale();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  const copy = async (what: 'url' | 'powerQuery'): Promise<void> => {
    setBusy(true);
    try {
      const request = { id: account.id };
      const result = await unwrap(what === 'url' ? winbooks().copyGatewayUrl(request) : winbooks().copyPowerQuerySnippet(request));
      if (!result.copied) return;
      const clears = result.clearsInSeconds > 0 ? t('copy.clears', { delay: formatters.duration(result.clearsInSeconds) }) : t('copy.neverClears');
      const copied = t(what === 'url' ? 'gateway.copiedUrl' : 'gateway.copiedPowerQuery', { label: account.label });
      announce(`${copied}${result.newKey ? ` ${t('gateway.newKey')}` : ''} ${clears}`, 'success');
    } catch (error) {
      announce(t('row.actionFailed', { label: account.label, reason: errorText(t, appErrorOf(error)) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* aria-disabled, not disabled: focus stays on the button while main asks and copies. */}
      <button type="button" className="button" aria-disabled={busy} onClick={() => void (busy || copy('url'))}>
        {t('gateway.copyUrl')}
        <ForAccount label={account.label} />
      </button>
      <button type="button" className="button" aria-disabled={busy} onClick={() => void (busy || copy('powerQuery'))}>
        {t('gateway.copyPowerQuery')}
        <ForAccount label={account.label} />
      </button>
    </>
  );
}
