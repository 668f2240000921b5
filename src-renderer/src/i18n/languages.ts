import i18next from 'i18next';

export type UiLanguage = 'en' | 'es';

/** English is bundled with the page; each other language is a chunk fetched the first time it is chosen. */
const loaded = new Map<UiLanguage, Promise<void>>([['en', Promise.resolve()]]);

/**
 * Adds a language's catalogue to i18next once (later calls share the same promise). Spanish is ~40 KiB
 * gzipped that an English desk never needs, so it stays out of the first paint; read from the app's own
 * files it arrives in a few milliseconds, and the switch waits for it rather than showing English keys.
 */
export function loadLanguage(language: UiLanguage): Promise<void> {
  const known = loaded.get(language);
  if (known) return known;
  const loading = import('./es').then(({ es }) => addCatalogue(language, es));
  // A failed load is tried again next time rather than remembered as done.
  loading.catch(() => loaded.delete(language));
  loaded.set(language, loading);
  return loading;
}

/** Adds each namespace of a catalogue (a language's, or English screens' arriving with their chunk) to i18next. */
export function addCatalogue(language: UiLanguage, catalogue: Record<string, object>): void {
  for (const [namespace, bundle] of Object.entries(catalogue)) {
    i18next.addResourceBundle(language, namespace, bundle, true, true);
  }
}

/** Loads the language if need be, then switches every `useTranslation` screen to it at once. */
export async function switchLanguage(language: UiLanguage): Promise<void> {
  await loadLanguage(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
