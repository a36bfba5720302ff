import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';

interface SwitchProps {
  /** The accessible name ("Auto-refresh for Acme Bakery"). */
  label: string;
  /** Shorter visible words when the name carries more for assistive technology; the name starts with them. */
  visibleLabel?: string;
  checked: boolean;
  /** May return a promise (saving in main): the switch shows the new position until it settles. */
  onChange: (checked: boolean) => void | Promise<unknown>;
  disabled?: boolean;
  /** Saving: further changes are ignored, but the switch keeps the focus (a disabled control would drop it). */
  busy?: boolean;
  hint?: string;
  /** Shown on the same line, after the switch (e.g. "Saved"). */
  status?: ReactNode;
}

/** An on/off switch: a native checkbox with the switch role, so Space toggles it and its state is announced. */
export function Switch({ label, visibleLabel, checked, onChange, disabled = false, busy = false, hint, status }: SwitchProps) {
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => setPending(null), [checked]);
  const toggle = (next: boolean): void => {
    if (busy || pending !== null) return;
    setPending(next);
    const saving = onChange(next);
    if (saving instanceof Promise) void saving.finally(() => setPending(null));
    else setPending(null);
  };
  const shown = visibleLabel ?? label;
  const control = (
    <label className="switch" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={pending ?? checked}
        disabled={disabled}
        aria-busy={busy || pending !== null}
        aria-label={shown === label ? undefined : label}
        onChange={(event) => toggle(event.target.checked)}
        aria-describedby={hint !== undefined ? `${id}-hint` : undefined}
      />
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-label">{shown}</span>
    </label>
  );
  return (
    <div className="switch-field">
      {status === undefined ? (
        control
      ) : (
        <div className="field-line">
          {control}
          {status}
        </div>
      )}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
