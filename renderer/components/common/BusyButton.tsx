import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

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

/**
 * A form's main button, reworded while its action runs. Busy, it is aria-disabled and ignores clicks but keeps
 * the keyboard focus (a disabled button would drop it to the page); forms also ignore a submit while busy.
 */
export function BusyButton({ busy, label, busyLabel, spinner = false, disabled = false, type = 'submit', className = 'button', onClick, ...button }: BusyButtonProps) {
  const ignore = busy || disabled;
  return (
    <button
      {...button}
      type={type}
      className={className}
      aria-disabled={ignore}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (ignore) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {spinner && busy && <span className="spinner" aria-hidden="true" />}
      {busy ? busyLabel : label}
    </button>
  );
}
