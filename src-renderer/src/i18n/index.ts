import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultNS, signInCatalogue } from './sign-in-catalogue';
import { loadLanguage } from './languages';

/**
 * The language the page last showed (see `hooks/useFollowLanguage.ts`), so a Spanish desk's sign-in screen is Spanish;
 * once signed in, the clinic's setting or the user's own choice decides.
 */
export function rememberedLanguage(): 'en' | 'es' {
  try {
    // Typed by hand: this module is also checked without the DOM (unit tests import the catalogue).
    const storage = (globalThis as { localStorage?: { getItem: (key: string) => string | null } }).localStorage;
    return storage?.getItem('frontdesk.language') === 'es' ? 'es' : 'en';
  } catch {
    return 'en';
  }
}

/**
 * One i18next instance for the page, initialised on import and synchronously (sign-in's English is
 * bundled with it), so the first paint is already worded; the English of the screens behind sign-in is
 * added by `./screens.ts` when their chunk loads. Spanish is a separate chunk (`./languages.ts`): a
 * remembered Spanish start loads it before the first render (`main.tsx`), a switch loads it on demand. Main words its own refusals and validation messages (in English
 * today) and the page shows them as they come: see docs/architecture.md, "Words on screen".
 */
void i18next.use(initReactI18next).init({
  // English until the Spanish chunk is in: i18next then switches (main.tsx awaits it before rendering).
  lng: 'en',
  supportedLngs: ['en', 'es'],
  fallbackLng: 'en',
  resources: { en: signInCatalogue },
  defaultNS,
  ns: Object.keys(signInCatalogue),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnEmptyString: false,
  // Languages other than English arrive later by `addResourceBundle`, not by a backend.
  partialBundledLanguages: true,
});

export { loadLanguage };
export { switchLanguage } from './languages';

export { i18next };
// Screens take `useTranslation` from here, so whatever renders them (the page, a component test) has
// i18next started first; the screens behind sign-in have their English added by `./screens.ts`.
export { Trans } from 'react-i18next';
export { useTranslation } from './use-translation';

/**
 * The i18next `context` naming which optional parts a sentence has, in the order its catalogue keys
 * name them: `t('AccountFlag.owes', { context: variant(since && 'since', overdue && 'overdue') })` reads
 * `owes_since_overdue`, `owes_since`, `owes_overdue` or plain `owes`. Each is a whole sentence a
 * translator can reorder, never a fragment glued on in code.
 */
export function variant(...parts: readonly (string | false | null | undefined)[]): string | undefined {
  const named = parts.filter((part): part is string => typeof part === 'string' && part !== '');
  return named.length > 0 ? named.join('_') : undefined;
}
