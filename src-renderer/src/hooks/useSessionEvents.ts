import { useEffect } from 'react';
import { bridge } from '../api';
import { useClinicSettings } from '../stores/clinic-settings';
import { useSession } from '../stores/session';

/**
 * Main tells this window when its session changed without it asking (idle lock, user disabled,
 * role changed) and when the clinic's settings changed. Subscribed once, whatever screen is shown.
 */
export function useSessionEvents(): void {
  useEffect(() => {
    const offSession = bridge.on('session.changed', ({ session }) => {
      const { stage, locked, signedOut, signedIn } = useSession.getState();
      if (stage === 'setup' || stage === 'loading') return;
      if (!session) {
        if (stage !== 'login') signedOut();
      } else if (session.locked) {
        if (stage === 'ready') locked();
      } else if (stage === 'ready') {
        signedIn(session);
      }
    });
    const offSettings = bridge.on('settings.changed', ({ settings }) => {
      useSession.getState().settingsChanged(settings);
      if (useSession.getState().stage === 'ready') useClinicSettings.getState().set(settings);
    });
    return () => {
      offSession();
      offSettings();
    };
  }, []);
}
