import type { ButtonHTMLAttributes, Ref } from 'react';

interface BusyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'disabled'> {
  busy: boolean;
  label: string;
  /** The wording while the action runs ("Adding…"). */
  busyLabel: string;
  /** Show the spinner beside the busy wording (for actions that wait on Winbooks). */
  spinner?: boolean;
  disabled?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A form's main button: disabled and reworded while its action runs. */
export function BusyButton({ busy, label, busyLabel, spinner = false, disabled = false, type = 'submit', className = 'button', ...button }: BusyButtonProps) {
  return (
    <button {...button} type={type} className={className} disabled={busy || disabled}>
      {spinner && busy && <span className="spinner" aria-hidden="true" />}
      {busy ? busyLabel : label}
    </button>
  );
}
