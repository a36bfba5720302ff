import type { PassphrasePrompt } from '../core/app/main-dialogs';

export { PASSPHRASE_PROMPT_ANSWER_CHANNEL as PASSPHRASE_ANSWER_CHANNEL } from '../shared/ipc-channels';

/** No script runs in the page itself: its preload (isolated world) reads the fields and answers main. */
export const PROMPT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character);
}

/**
 * The passphrase prompt main shows in its own small modal window (Electron has no native password dialog).
 * Its text comes from main only; the app window cannot read or script it (another webContents and process).
 */
export function passphrasePromptHtml(prompt: PassphrasePrompt, language: string): string {
  const repeat =
    prompt.repeat === null
      ? ''
      : `<label for="repeat">${escapeHtml(prompt.repeat.label)}</label>
  <input id="repeat" type="password" autocomplete="new-password" spellcheck="false" data-mismatch="${escapeHtml(prompt.repeat.mismatch)}">`;
  const error = prompt.error === null ? '' : escapeHtml(prompt.error);
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PROMPT_PAGE_CSP}">
<title>${escapeHtml(prompt.title)}</title>
<style>
  :root { color-scheme: light dark; font: 14px system-ui, sans-serif; }
  body { margin: 16px; display: grid; gap: 8px; }
  p { margin: 0 0 4px; }
  input { font: inherit; padding: 6px; }
  #error { color: #b3261e; min-height: 1.2em; }
  @media (prefers-color-scheme: dark) { #error { color: #f2b8b5; } }
  .buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }
  button { font: inherit; padding: 6px 14px; }
</style>
</head>
<body>
<form id="prompt" data-purpose="${escapeHtml(prompt.purpose)}">
  <p id="message">${escapeHtml(prompt.message)}</p>
  <label for="passphrase">${escapeHtml(prompt.fieldLabel)}</label>
  <input id="passphrase" type="password" autocomplete="${prompt.purpose === 'new-backup' ? 'new-password' : 'current-password'}" spellcheck="false" autofocus aria-describedby="message error">
  ${repeat}
  <div id="error" role="alert">${error}</div>
  <div class="buttons">
    <button type="button" id="cancel">${escapeHtml(prompt.cancelLabel)}</button>
    <button type="submit" id="confirm">${escapeHtml(prompt.confirmLabel)}</button>
  </div>
</form>
</body>
</html>`;
}
