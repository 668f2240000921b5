import { useEffect, useState } from 'react';
import { bridge } from '../../api';

/** Runs `refresh` now and whenever main pushes `visits.changed` (any desk moved a patient). No polling. */
export function useVisitEvents(refresh: () => void): void {
  useEffect(() => {
    refresh();
    return bridge.on('visits.changed', () => refresh());
  }, [refresh]);
}

/** Re-renders every 15 s so waiting times tick on between events. */
export function useTick(ms = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
