import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultNS, en, resources } from './resources';

/**
 * One i18next instance for the page, initialised on import and synchronously (the catalogue is bundled),
 * so the first paint is already worded. Main words its own refusals and validation messages (in English
 * today) and the page shows them as they come: see docs/architecture.md, "Words on screen".
 */
void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources,
  defaultNS,
  ns: Object.keys(en),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnEmptyString: false,
});

export { i18next };
// Screens take `useTranslation` from here, so whatever renders them (the page, a component test) has
// the catalogue loaded first.
export { Trans, useTranslation } from 'react-i18next';
