import { useEffect } from 'react';
import type { Language } from '../../../src-shared/api/areas/settings';
import { useClinicSettings } from '../stores/clinic-settings';
import { useSession } from '../stores/session';
import { switchLanguage } from '../i18n';

/** Where the page remembers its last language, so the next start paints in it before settings arrive. */
export const LANGUAGE_KEY = 'frontdesk.language';

/** The language the screens are in: the user's own choice, else the clinic's, else English. */
export function useUiLanguage(): Language {
  const mine = useSession((state) => state.session?.user.language ?? null);
  const clinic = useClinicSettings((state) => state.settings?.language ?? null);
  return mine ?? clinic ?? 'en';
}

/** The same, read outside React (a save that changes it words its own confirmation in the new language). */
export function chosenLanguage(): Language {
  return useSession.getState().session?.user.language ?? useClinicSettings.getState().settings?.language ?? 'en';
}

/**
 * Switches i18next (every `useTranslation` screen re-renders at once) and the page's `lang`; Spanish is
 * fetched the first time it is chosen (a few ms from the app's files), so the switch lands then.
 */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage refused (private window): the language still applies now, only not at the next start.
  }
  void switchLanguage(language);
}

/** Follows the chosen language while signed in (the app frame mounts this once). */
export function useFollowLanguage(): void {
  const language = useUiLanguage();
  useEffect(() => applyLanguage(language), [language]);
}
