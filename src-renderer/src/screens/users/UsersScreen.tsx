import { useEffect } from 'react';
import { bridge } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useUsers } from '../../stores/users';
import { AddUserForm } from './AddUserForm';
import { UserRow } from './UserRow';

export function UsersScreen() {
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
      <h1>Users</h1>
      <ErrorMessage error={error} area="Users" />
      <table>
        <caption className="visually-hidden">Users of this clinic</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
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
