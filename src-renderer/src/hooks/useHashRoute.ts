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

/** `#/users` → 'users'. Hash routes survive reloads and need no router library. */
export function useHashRoute(): string {
  return useHash(currentRoute);
}

export function useHashDetail(): string {
  return useHash(currentDetail);
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
