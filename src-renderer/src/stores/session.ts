import { create } from 'zustand';
import type { SessionInfo } from '../../../src-shared/api/areas/auth';
import type { ClinicSettings } from '../../../src-shared/api/areas/settings';
import type { Permission } from '../../../src-shared/api/permissions';
import { call, forgetPendingCalls, watchResults } from '../api';
import { resetDataStores } from './resettable';

export type Stage = 'loading' | 'recovery' | 'setup' | 'login' | 'locked' | 'ready';

interface SessionState {
  stage: Stage;
  clinicName: string | null;
  session: SessionInfo | null;
  startupError: string | null;
  /** Why the host could not open the clinic without the recovery key; null otherwise. */
  recoveryReason: string | null;
  refresh: () => Promise<void>;
  signedIn: (session: SessionInfo) => void;
  locked: () => void;
  signedOut: () => void;
  can: (permission: Permission) => boolean;
  settingsChanged: (settings: ClinicSettings) => void;
}

export const useSession = create<SessionState>()((set, get) => ({
  stage: 'loading',
  clinicName: null,
  session: null,
  startupError: null,
  recoveryReason: null,

  async refresh() {
    const status = await call('system.status', {});
    if (!status.ok) {
      set({ startupError: status.error.message });
      return;
    }
    set({ startupError: null, recoveryReason: status.value.recoveryRequired });
    if (status.value.recoveryRequired !== null) {
      set({ stage: 'recovery', clinicName: null, session: null });
      return;
    }
    if (status.value.setupRequired) {
      set({ stage: 'setup', clinicName: null, session: null });
      return;
    }
    const current = await call('auth.session', {});
    const session = current.ok ? current.value : null;
    set({
      clinicName: status.value.clinicName,
      session,
      stage: session ? (session.locked ? 'locked' : 'ready') : 'login',
    });
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
