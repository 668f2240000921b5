import { create } from 'zustand';
import type { SessionInfo } from '../../../src-shared/api/areas/auth';
import type { ClinicSettings } from '../../../src-shared/api/areas/settings';
import type { Output } from '../../../src-shared/api/contract';
import type { Permission } from '../../../src-shared/api/permissions';
import { forgetPendingCalls, watchResults } from '../api';
import { resetDataStores } from './resettable';

export type Stage = 'loading' | 'recovery' | 'setup' | 'login' | 'locked' | 'ready';

interface SessionState {
  stage: Stage;
  clinicName: string | null;
  /** A demo clinic of made-up data: every screen says so. */
  demo: boolean;
  session: SessionInfo | null;
  /** Why the host could not open the clinic without the recovery key; null otherwise. */
  recoveryReason: string | null;
  /** Bumped to have the app read the clinic's status again (after recovery, after set-up). */
  checks: number;
  /** The app read the clinic's status and, when it is open, who is signed in (App reads them). */
  started: (status: Output<'system.status'>, session: SessionInfo | null) => void;
  checkAgain: () => void;
  signedIn: (session: SessionInfo) => void;
  locked: () => void;
  signedOut: () => void;
  can: (permission: Permission) => boolean;
  settingsChanged: (settings: ClinicSettings) => void;
}

export const useSession = create<SessionState>()((set, get) => ({
  stage: 'loading',
  clinicName: null,
  demo: false,
  session: null,
  recoveryReason: null,
  checks: 0,

  started(status, session) {
    set({ recoveryReason: status.recoveryRequired, demo: status.demo });
    if (status.recoveryRequired !== null) {
      set({ stage: 'recovery', clinicName: null, session: null });
      return;
    }
    if (status.setupRequired) {
      set({ stage: 'setup', clinicName: null, session: null });
      return;
    }
    set({
      clinicName: status.clinicName,
      session,
      stage: session ? (session.locked ? 'locked' : 'ready') : 'login',
    });
  },

  checkAgain() {
    set({ checks: get().checks + 1 });
  },

  signedIn(session) {
    set({ session, stage: 'ready' });
  },

  locked() {
    if (get().session) set({ stage: 'locked' });
    forgetPendingCalls();
    resetDataStores();
  },

  signedOut() {
    // The next person starts at Home, not on the screen the last one left open.
    history.replaceState(null, '', `${window.location.pathname}#/`);
    set({ session: null, stage: 'login' });
    forgetPendingCalls();
    resetDataStores();
  },

  settingsChanged(settings) {
    const session = get().session;
    set({
      clinicName: settings.clinicName,
      session: session && { ...session, lockTimeoutMinutes: settings.lockTimeoutMinutes },
    });
  },

  can(permission) {
    return get().session?.permissions.includes(permission) ?? false;
  },
}));

watchResults((name, result) => {
  // Sign-in and unlock answer wrong passwords with UNAUTHENTICATED; their screens handle that.
  if (result.ok || name.startsWith('auth.')) return;
  const { stage, locked, signedOut } = useSession.getState();
  if (result.error.code === 'LOCKED' && stage === 'ready') locked();
  if (result.error.code === 'UNAUTHENTICATED' && (stage === 'ready' || stage === 'locked')) signedOut();
});
