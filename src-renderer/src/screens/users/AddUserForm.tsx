import { useState, type SyntheticEvent } from 'react';
import type { Role } from '../../../../src-shared/api/permissions';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { ROLE_OPTIONS, roleLabel } from './roles';
import { useTranslation } from '../../i18n';

const EMPTY = { displayName: '', username: '', role: 'receptionist' as Role, password: '' };

export function AddUserForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('users');
  const [form, setForm] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors(form, () => draftProblems('users.create', form));
  // The last "Added …" belongs to the last person added: typing the next one clears it.
  const edit = (patch: Partial<typeof EMPTY>) => {
    setAdded(null);
    setForm({ ...form, ...patch });
  };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setAdded(null);
    const result = await call('users.create', form);
    if (!result.ok) return show(result.error);
    onSaved();
    setAdded(t('AddUserForm.addedAs', { displayName: result.value.displayName, role: roleLabel(result.value.role) }));
    setForm(EMPTY);
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">{t('AddUserForm.addUser')}</h2>
      <Field
        label={t('AddUserForm.fullName')}
        value={form.displayName}
        onChange={(event) => edit({ displayName: event.target.value })}
        error={errors.fields.displayName}
      />
      <Field
        label={t('AddUserForm.username')}
        value={form.username}
        onChange={(event) => edit({ username: event.target.value })}
        error={errors.fields.username}
        autoComplete="off"
      />
      <SelectField
        label={t('AddUserForm.role')}
        value={form.role}
        options={ROLE_OPTIONS}
        onChange={(event) => edit({ role: event.target.value as Role })}
        error={errors.fields.role}
      />
      <Field
        label={t('AddUserForm.password')}
        type="password"
        value={form.password}
        onChange={(event) => edit({ password: event.target.value })}
        error={errors.fields.password}
        autoComplete="new-password"
        hint={t('AddUserForm.atLeast10CharactersTell')}
      />
      <FormMessage error={errors.form} success={added} />
      <button type="submit" className="primary">
        {t('AddUserForm.addUser')}
      </button>
    </form>
  );
}
