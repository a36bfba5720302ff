import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { resolveLanguage } from './i18n/language';
import { setupI18n } from './i18n/setup';
import './styles/app.css';

/** Until settings arrive from main, the OS/browser locale decides the language of the loading screen. */
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element.');
  const language = resolveLanguage('system', navigator.languages);
  await setupI18n(language);
  document.documentElement.lang = language;
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
