import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AppErrorShape } from '../../electron/shared/account-summary';
import type { IpcResult } from '../../electron/shared/ipc-contract';
import { appErrorOf, unwrap } from '../api/request';

/**
 * One request at a time from a form whose fields are disabled while it runs. When the answer comes, the fields are
 * enabled again synchronously, before onDone or onRefused runs, so either can move the focus onto one of them.
 * A second send while one is under way (a double Enter before React disables the button) is ignored.
 */
export function useBusyRequest() {
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const send = async <T>(request: () => Promise<IpcResult<T>>, onDone: (value: T) => void, onRefused: (refusal: AppErrorShape) => void): Promise<void> => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    let value: T;
    try {
      value = await unwrap(request());
    } catch (failure) {
      inFlight.current = false;
      flushSync(() => setBusy(false));
      onRefused(appErrorOf(failure));
      return;
    }
    inFlight.current = false;
    flushSync(() => setBusy(false));
    try {
      onDone(value);
    } catch (failure) {
      onRefused(appErrorOf(failure));
    }
  };

  return { busy, send };
}
