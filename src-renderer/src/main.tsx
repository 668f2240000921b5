import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18next, loadLanguage, rememberedLanguage } from './i18n';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

/**
 * A desk that last showed Spanish loads that catalogue before the first render, so its sign-in screen
 * is never painted in English first; meanwhile index.html's own "Opening Front Desk" line stays on
 * screen (never a blank frame). A failed load renders in English rather than not at all.
 */
async function start(target: HTMLElement): Promise<void> {
  const language = rememberedLanguage();
  if (language !== 'en') {
    try {
      await loadLanguage(language);
      await i18next.changeLanguage(language);
      document.documentElement.lang = language;
    } catch {
      // The chunk did not load (a damaged install): the page starts in English rather than not at all.
    }
  }
  createRoot(target).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start(root);
