import { useState } from 'react';
import type { FormEvent } from 'react';
import type { VaultState } from '../../electron/shared/ipc-contract';
import type { IpcResult } from '../../electron/shared/ipc-contract';
import { errorText } from '../i18n/error-text';
import { useTranslation } from '../i18n/use-translation';
import { useBusyRequest } from './use-busy-request';
import { useNewPassphrase } from './use-new-passphrase';

/**
 * A form that sends one new passphrase to main (create the vault's first, add one over the keychain): checked and
 * typed twice, sent with the fields disabled, cleared once main took it; a refusal shows above the buttons and puts
 * the focus back on the passphrase.
 */
export function useNewPassphraseForm(request: (passphrase: string) => Promise<IpcResult<VaultState>>, onDone: (state: VaultState) => void) {
  const { t } = useTranslation();
  const entry = useNewPassphrase();
  const { busy, send } = useBusyRequest();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const checked = await entry.check();
    if (!checked.ok) return entry.focus(checked.field);
    await send(
      () => request(checked.passphrase),
      (state) => {
        entry.clear();
        onDone(state);
      },
      (refusal) => {
        setFormError(errorText(t, refusal));
        entry.focus('passphrase');
      },
    );
  };

  return { entry, busy, formError, submit };
}
