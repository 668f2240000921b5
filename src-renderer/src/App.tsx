import { lazy, Suspense, useEffect } from 'react';
import { useProcedure, useReloadOnChange } from './hooks/useProcedure';
import { useSessionEvents } from './hooks/useSessionEvents';
import { useSession } from './stores/session';
import { LockScreen } from './screens/lock/LockScreen';
import { LoginScreen } from './screens/login/LoginScreen';
import { useTranslation } from './i18n';

// Sign-in and the lock screen are in the first chunk; everything behind them (the frame and every
// screen it routes to, with their charts, phone metadata and schemas) and the once-only set-up and
// recovery screens are chunks of their own, so the first paint parses only what sign-in needs.
const loadFrame = () => import('./screens/frame/AppFrame');
const AppFrame = lazy(() => loadFrame().then((module) => ({ default: module.AppFrame })));
const SetupScreen = lazy(() =>
  import('./screens/setup/SetupScreen').then((module) => ({ default: module.SetupScreen })),
);
const RecoveryScreen = lazy(() =>
  import('./screens/backups/RecoveryScreen').then((module) => ({ default: module.RecoveryScreen })),
);

/**
 * After the first paint, while the user types, so signing in does not wait for the frame's chunk; it
 * brings the procedures' schemas with it (AppFrame imports draft-refusal.ts), which the sign-in, lock
 * and set-up forms then check their drafts with too.
 */
const PRELOAD_FRAME_AFTER_MS = 300;

export function App() {
  const { t } = useTranslation('frame');
  const stage = useSession((state) => state.stage);
  const started = useSession((state) => state.started);
  const checks = useSession((state) => state.checks);

  // What the clinic needs first (recovery, set-up) and, when it is open, who is signed in. Read again
  // when a screen asks (`checkAgain`: recovered, set up) or the user tries again after a refusal.
  const status = useProcedure('system.status', {});
  const open = status.value !== null && status.value.recoveryRequired === null && !status.value.setupRequired;
  const current = useProcedure('auth.session', open ? {} : null);
  const { reload: readStatus } = status;
  useReloadOnChange(checks, readStatus);
  useEffect(() => {
    if (!status.value || (open && !current.answered)) return;
    started(status.value, open ? current.value : null);
  }, [status.value, open, current.answered, current.value, started]);
  useSessionEvents();
  useEffect(() => {
    const timer = setTimeout(() => void loadFrame().catch(() => undefined), PRELOAD_FRAME_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  const startupError = status.error?.message ?? null;

  if (startupError) {
    return (
      <main className="centered">
        <div className="card">
          <h1>{t('App.frontDesk')}</h1>
          <p role="alert" className="form-error">
            {startupError}
          </p>
          <button type="button" className="primary" onClick={readStatus}>
            {t('App.tryAgain')}
          </button>
        </div>
      </main>
    );
  }
  // Read aloud and shown while a chunk loads: a line a person can read, never an empty window.
  const opening = (
    <main className="centered" role="status">
      {t('App.openingFrontDesk')}
    </main>
  );
  switch (stage) {
    case 'loading':
      return opening;
    case 'recovery':
      return (
        <Suspense fallback={opening}>
          <RecoveryScreen />
        </Suspense>
      );
    case 'setup':
      return (
        <Suspense fallback={opening}>
          <SetupScreen />
        </Suspense>
      );
    case 'login':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'ready':
      return (
        <Suspense fallback={opening}>
          <AppFrame />
        </Suspense>
      );
  }
}
