import i18next, { type FlatNamespace, type TFunction } from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  i18next.on('languageChanged', onChange);
  return () => i18next.off('languageChanged', onChange);
}

const currentLanguage = () => i18next.language;

type FixedT<Ns extends FlatNamespace | readonly FlatNamespace[]> = TFunction<Ns extends null ? 'common' : Ns>;

/**
 * `const { t } = useTranslation('patients')`, as react-i18next's, for the catalogue bundled with the
 * page (no namespace is ever loading, so nothing suspends): `t` is i18next's own for the language of
 * the moment and changes, re-rendering, when the language does. Written here because react-i18next's
 * hook copies the whole i18next instance (every own property) each time a component mounts: about
 * 0.13 ms a mount, paid 20 times a keystroke by the search results and once per row by every long
 * list (the flow board's 400 visits).
 */
export function useTranslation<const Ns extends FlatNamespace | readonly FlatNamespace[]>(
  namespaces: Ns,
): { t: FixedT<Ns>; i18n: typeof i18next } {
  const language = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  const key = typeof namespaces === 'string' ? namespaces : namespaces.join(',');
  // `key` stands for `namespaces`: an array literal is new at every render.
  const t = useMemo(() => i18next.getFixedT<Ns>(language, namespaces), [language, key]);
  return { t, i18n: i18next };
}
