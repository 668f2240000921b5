import { DEMO_PASSWORD, DEMO_USERS } from '../../../../src-shared/demo';
import { useTranslation } from '../../i18n';

/** On a demo clinic's sign-in screen: the made-up accounts to try each role with. */
export function DemoAccounts() {
  const { t } = useTranslation('login');
  return (
    <section className="demo-accounts" aria-labelledby="demo-accounts-heading">
      <h2 id="demo-accounts-heading">{t('DemoAccounts.heading')}</h2>
      <p>{t('DemoAccounts.lead', { password: `“${DEMO_PASSWORD}”` })}</p>
      <ul>
        {DEMO_USERS.map((user) => (
          <li key={user.username}>
            <code>{user.username}</code> — {user.role}
          </li>
        ))}
      </ul>
    </section>
  );
}
