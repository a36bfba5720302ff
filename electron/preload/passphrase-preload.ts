import { ipcRenderer } from 'electron';
import { PASSPHRASE_PROMPT_ANSWER_CHANNEL as PASSPHRASE_ANSWER_CHANNEL } from '../shared/ipc-channels';

/**
 * The preload of main's passphrase prompt window. Nothing is exposed to the page (it runs no script): this
 * isolated-world code reads the fields and sends the answer to main, which accepts it only from this window.
 */
function answer(passphrase: string | null): void {
  ipcRenderer.send(PASSPHRASE_ANSWER_CHANNEL, { passphrase });
}

window.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('prompt');
  const field = document.getElementById('passphrase');
  const repeat = document.getElementById('repeat');
  const error = document.getElementById('error');
  if (!(form instanceof HTMLFormElement) || !(field instanceof HTMLInputElement) || error === null) return;
  field.focus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (repeat instanceof HTMLInputElement && repeat.value !== field.value) {
      error.textContent = repeat.dataset.mismatch ?? '';
      repeat.focus();
      return;
    }
    answer(field.value);
  });
  document.getElementById('cancel')?.addEventListener('click', () => answer(null));
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') answer(null);
  });
});
