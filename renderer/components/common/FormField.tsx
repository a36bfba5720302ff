import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** Shown on the same line, after the input (e.g. "Saved"). */
  status?: ReactNode;
}

/** A labelled input whose hint and error are tied to it (aria-describedby), the error announced when it appears. */
export function FormField({ label, hint, error, inputRef, className, status, ...input }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? hintId : null, error !== undefined ? errorId : null].filter((part) => part !== null).join(' ');
  const control = <input {...input} id={id} ref={inputRef} aria-invalid={error !== undefined} aria-describedby={describedBy === '' ? undefined : describedBy} />;
  return (
    <div className={`field${error !== undefined ? ' field-invalid' : ''}${className !== undefined ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {status === undefined ? (
        control
      ) : (
        <div className="field-line">
          {control}
          {status}
        </div>
      )}
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
