import { useEffect, useState } from 'react';

function currentRoute(): string {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return hash.split(/[?&/]/)[0] ?? '';
}

/** `#/users` → 'users'. Hash routes survive reloads and need no router library. */
export function useHashRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => {
      setRoute(currentRoute());
    };
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  return route;
}
