import { useEffect } from 'react';
import { useProcedure, useReloadOnChange } from './hooks/useProcedure';
import { useSessionEvents } from './hooks/useSessionEvents';
import { useSession } from './stores/session';
import { AppFrame } from './screens/frame/AppFrame';
import { LockScreen } from './screens/lock/LockScreen';
import { LoginScreen } from './screens/login/LoginScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { RecoveryScreen } from './screens/backups/RecoveryScreen';
import { useTranslation } from './i18n';

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
  switch (stage) {
    case 'loading':
      return <main className="centered">{t('App.openingFrontDesk')}</main>;
    case 'recovery':
      return <RecoveryScreen />;
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'ready':
      return <AppFrame />;
  }
}
