import { useEffect, useId, useState } from 'react';

interface SwitchProps {
  label: string;
  checked: boolean;
  /** May return a promise (saving in main): the switch shows the new position until it settles. */
  onChange: (checked: boolean) => void | Promise<unknown>;
  disabled?: boolean;
  hint?: string;
  /** Hide the label visually (it stays available to assistive technology). */
  labelHidden?: boolean;
}

/** An on/off switch: a native checkbox with the switch role, so Space toggles it and its state is announced. */
export function Switch({ label, checked, onChange, disabled = false, hint, labelHidden = false }: SwitchProps) {
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => setPending(null), [checked]);
  const toggle = (next: boolean): void => {
    setPending(next);
    const saving = onChange(next);
    if (saving instanceof Promise) void saving.finally(() => setPending(null));
    else setPending(null);
  };
  return (
    <div className="switch-field">
      <label className="switch" htmlFor={id}>
        <input id={id} type="checkbox" role="switch" checked={pending ?? checked} disabled={disabled} onChange={(event) => toggle(event.target.checked)} aria-describedby={hint !== undefined ? `${id}-hint` : undefined} />
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className={labelHidden ? 'visually-hidden' : 'switch-label'}>{label}</span>
      </label>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
