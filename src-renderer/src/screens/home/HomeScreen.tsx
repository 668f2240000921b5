import { useSession } from '../../stores/session';
import { mayOpen, ROUTES } from '../frame/routes';
import { useSyncedOnlyListed } from '../frame/useSyncedOnlyListed';
import { Trans, useTranslation } from '../../i18n';

export function HomeScreen() {
  const { t } = useTranslation('home');
  const session = useSession((state) => state.session);
  const can = useSession((state) => state.can);
  const listed = useSyncedOnlyListed();
  if (!session) return null;
  const areas = ROUTES.filter((route) => route.path !== '' && mayOpen(route, can) && listed(route));

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
