import type { JSX } from 'react';
import type { Role } from '../../../../src-shared/api/permissions';
import { useSession } from '../../stores/session';
import { mayOpen, ROUTES } from '../frame/routes';
import { useSyncedOnlyListed } from '../frame/useSyncedOnlyListed';
import { Trans, useTranslation } from '../../i18n';
import { ManagerHome } from './ManagerHome';
import { NurseHome } from './NurseHome';
import { ReceptionHome } from './ReceptionHome';
import { SetupChecklist } from './SetupChecklist';
import './home.css';

/** What a role sees first: today as its work needs it. The administrator sets up, so gets the first-run checklist. */
const HOMES: Partial<Record<Role, () => JSX.Element>> = {
  admin: SetupChecklist,
  receptionist: ReceptionHome,
  nurse: NurseHome,
  provider: NurseHome,
  manager: ManagerHome,
};

export function HomeScreen() {
  const { t } = useTranslation('home');
  const session = useSession((state) => state.session);
  const can = useSession((state) => state.can);
  const listed = useSyncedOnlyListed();
  if (!session) return null;
  const areas = ROUTES.filter((route) => route.path !== '' && mayOpen(route, can) && listed(route));
  const Today = HOMES[session.user.role];

  return (
    <section>
      <h1>{t('HomeScreen.welcome', { displayName: session.user.displayName })}</h1>
      <p className="lead">
        <Trans
          t={t}
          i18nKey="HomeScreen.signedInWithTheRole"
          values={{ role: session.user.role }}
          components={{ strong: <strong className="role-name" />, kbd: <kbd />, kbd2: <kbd /> }}
        />
      </p>
      {Today && <Today />}
      {areas.length > 0 ? (
        <>
          <h2>{t('HomeScreen.yourAreas')}</h2>
          <ul className="area-list">
            {areas.map((area) => (
              <li key={area.path}>
                <a href={`#/${area.path}`}>{area.label}</a>
                <span>{area.summary}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('HomeScreen.thereIsNothingForYour')}</p>
      )}
    </section>
  );
}
