import type { FocusEvent } from 'react';

/**
 * Whether leaving a field should show its error now. Not when focus goes to a button, radio or checkbox:
 * the error appearing would move that control from under the pointer and swallow the click (submitting
 * validates every field anyway).
 */
export function validateOnBlur(event: FocusEvent<HTMLElement>): boolean {
  const next = event.relatedTarget;
  if (!(next instanceof HTMLElement)) return true;
  if (next instanceof HTMLButtonElement) return false;
  return !(next instanceof HTMLInputElement && (next.type === 'radio' || next.type === 'checkbox' || next.type === 'submit'));
}
