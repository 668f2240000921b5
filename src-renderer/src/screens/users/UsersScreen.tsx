import { useEffect } from 'react';
import { bridge } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useUsers } from '../../stores/users';
import { AddUserForm } from './AddUserForm';
import { UserRow } from './UserRow';
import { useTranslation } from '../../i18n';

export function UsersScreen() {
  const { t } = useTranslation('users');
  const users = useUsers((state) => state.users);
  const error = useUsers((state) => state.error);
  const load = useUsers((state) => state.load);

  useEffect(() => {
    void load();
    return bridge.on('users.changed', () => {
      void load();
    });
  }, [load]);

  return (
    <section>
      <h1>{t('UsersScreen.users')}</h1>
      <ErrorMessage error={error} area={t('UsersScreen.users')} />
      <table>
        <caption className="visually-hidden">{t('UsersScreen.usersOfThisClinic')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('UsersScreen.name')}</th>
            <th scope="col">{t('UsersScreen.username')}</th>
            <th scope="col">{t('UsersScreen.role')}</th>
            <th scope="col">{t('UsersScreen.status')}</th>
            <th scope="col">{t('UsersScreen.lastSignIn')}</th>
            <th scope="col">{t('UsersScreen.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} />
          ))}
        </tbody>
      </table>
      <AddUserForm />
    </section>
  );
}
