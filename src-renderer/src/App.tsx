import { useEffect } from 'react';
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
  const { stage, startupError, refresh } = useSession();

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useSessionEvents();

  if (startupError) {
    return (
      <main className="centered">
        <div className="card">
          <h1>{t('App.frontDesk')}</h1>
          <p role="alert" className="form-error">
            {startupError}
          </p>
          <button type="button" className="primary" onClick={() => void refresh()}>
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
