import { useEffect, useState } from 'react';
import { onAcceptedHashChange } from './navigation';

function segments(): string[] {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return (hash.split(/[?&]/)[0] ?? '').split('/');
}

function currentRoute(): string {
  return segments()[0] ?? '';
}

/** What follows the area: `#/patients/new` → 'new'. */
function currentDetail(): string {
  return segments().slice(1).join('/');
}

/** What follows `?` in the hash: `#/reports?from=2026-11-01` → 'from=2026-11-01'. */
function currentQuery(): string {
  return window.location.hash.split('?')[1] ?? '';
}

/** `#/users` → 'users'. Hash routes survive reloads and need no router library. */
export function useHashRoute(): string {
  return useHash(currentRoute);
}

export function useHashDetail(): string {
  return useHash(currentDetail);
}

/** The hash's query, re-read when navigation changes it (a bookmark opened, a link followed). */
export function useHashQuery(): string {
  return useHash(currentQuery);
}

/**
 * Puts a screen's filters into the hash's query in place of the current entry: Back leaves the screen
 * rather than undoing a filter. The hashchange it fires makes `useHashQuery` read the new query, so the
 * address is the filters' one source of truth.
 */
export function replaceHashQuery(route: string, query: string): void {
  const hash = `#/${route}${query === '' ? '' : `?${query}`}`;
  if (window.location.hash !== hash) window.location.replace(hash);
}

function useHash(read: () => string): string {
  const [route, setRoute] = useState(read);
  useEffect(
    () =>
      onAcceptedHashChange(() => {
        setRoute(read());
      }),
    [read],
  );
  return route;
}
