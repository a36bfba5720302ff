import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Escape and the backdrop do nothing while an operation is running. */
  busy?: boolean;
  tone?: 'default' | 'danger';
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the rest inert and closes on Escape.
 * Closing returns focus to the control that opened it (or, when that control is gone, to the selected row:
 * see use-focus-rescue).
 */
export function Dialog({ title, onClose, children, busy = false, tone = 'default' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // Taken while rendering, before any autoFocus inside the dialog moves the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener !== null && opener.isConnected) opener.focus();
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${tone}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
