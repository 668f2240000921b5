import { useEffect } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without keyboard or pointer activity, and at once on Ctrl+L. Main locks idle
 * sessions too; this makes the screen go blank on time even if no call is made.
 */
export function useIdleLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    let timer = window.setTimeout(lock, minutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lock();
      }
    };
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart);
      window.removeEventListener('keydown', onKey);
    };
  }, [minutes, lock]);
}
