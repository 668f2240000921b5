import { useMemo } from 'react';
import type { UserSummary } from '../../../../src-shared/api/areas/users';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { AddUserForm } from './AddUserForm';
import { UserRow } from './UserRow';
import { useTranslation } from '../../i18n';

const byName = (a: UserSummary, b: UserSummary) => a.displayName.localeCompare(b.displayName);

export function UsersScreen() {
  const { t } = useTranslation('users');
  // Read again on `users.changed` (a change here or at another desk) and after each change made here.
  const { value, error, reload } = useProcedure('users.list', {}, { refreshOn: { 'users.changed': true } });
  const users = useMemo(() => [...(value ?? [])].sort(byName), [value]);

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
            <UserRow key={user.id} user={user} onSaved={reload} />
          ))}
        </tbody>
      </table>
      <AddUserForm onSaved={reload} />
    </section>
  );
}
