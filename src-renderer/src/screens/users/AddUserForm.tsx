import { useState, type SyntheticEvent } from 'react';
import type { Role } from '../../../../src-shared/api/permissions';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useUsers } from '../../stores/users';
import { ROLE_OPTIONS } from './roles';

const EMPTY = { displayName: '', username: '', role: 'receptionist' as Role, password: '' };

export function AddUserForm() {
  const replace = useUsers((state) => state.replace);
  const [form, setForm] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors(form);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setAdded(null);
    const result = await call('users.create', form);
    if (!result.ok) return show(result.error);
    replace(result.value);
    setAdded(`Added ${result.value.displayName} as ${result.value.role}.`);
    setForm(EMPTY);
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">Add user</h2>
      <Field
        label="Full name"
        value={form.displayName}
        onChange={(event) => setForm({ ...form, displayName: event.target.value })}
        error={errors.fields.displayName}
      />
      <Field
        label="Username"
        value={form.username}
        onChange={(event) => setForm({ ...form, username: event.target.value })}
        error={errors.fields.username}
        autoComplete="off"
      />
      <SelectField
        label="Role"
        value={form.role}
        options={ROLE_OPTIONS}
        onChange={(event) => setForm({ ...form, role: event.target.value as Role })}
        error={errors.fields.role}
      />
      <Field
        label="Password"
        type="password"
        value={form.password}
        onChange={(event) => setForm({ ...form, password: event.target.value })}
        error={errors.fields.password}
        autoComplete="new-password"
        hint="At least 10 characters. Tell it to the person; they should change it."
      />
      <FormMessage error={errors.form} success={added} />
      <button type="submit" className="primary">
        Add user
      </button>
    </form>
  );
}
