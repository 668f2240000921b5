import { useState, type SyntheticEvent } from 'react';
import {
  CONTACT_KINDS,
  type ContactKind,
  type PatientContact,
  type PatientRecord,
} from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { usePatients } from '../../stores/patients';
import { i18next, useTranslation } from '../../i18n';

const KIND_LABELS: Record<ContactKind, string> = {
  get emergency() {
    return i18next.t('patients:ContactsCard.emergencyContact');
  },
  get guarantor() {
    return i18next.t('patients:ContactsCard.guarantor');
  },
};

interface Draft {
  id?: string;
  kind: ContactKind;
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

const toDraft = (contact: PatientContact): Draft => ({
  id: contact.id,
  kind: contact.kind,
  name: contact.name,
  relationship: contact.relationship ?? '',
  phone: contact.phone ?? '',
  email: contact.email ?? '',
});

/** Emergency contacts and the guarantor: shown, and edited as one list saved together. */
export function ContactsCard({ record, canWrite }: { record: PatientRecord; canWrite: boolean }) {
  const { t } = useTranslation('patients');
  const show = usePatients((state) => state.show);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const input = drafts && {
    patientId: record.id,
    expectedUpdatedAt: record.updatedAt,
    contacts: drafts.map((draft) => ({
      id: draft.id,
      kind: draft.kind,
      name: draft.name,
      relationship: draft.relationship || null,
      phone: draft.phone || null,
      email: draft.email || null,
    })),
  };
  // A blank field reads as never typed (as before Edit): a row just added is not wrong until typed in or saved.
  const shown = {
    contacts: drafts?.map((draft) =>
      Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, value === '' ? undefined : value])),
    ),
  };
  const errors = useFormErrors(shown, () => draftProblems('patients.saveContacts', input));
  const dirty = drafts !== null && JSON.stringify(drafts) !== JSON.stringify(record.contacts.map(toDraft));
  useLeaveGuard(dirty);

  const edit = (index: number, key: keyof Draft) => (event: { target: { value: string } }) =>
    setDrafts((current) =>
      (current ?? []).map((draft, at) => (at === index ? { ...draft, [key]: event.target.value } : draft)),
    );

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    if (!input) return;
    errors.clear();
    const local = draftProblems('patients.saveContacts', input);
    if (Object.keys(local).length > 0) return errors.showProblems(local);
    const result = await call('patients.saveContacts', input);
    if (!result.ok) return errors.show(result.error);
    setDrafts(null);
    show(result.value);
  }

  const fieldError = (index: number, key: string) => errors.errors.fields[`contacts.${index}.${key}`];

  return (
    <section className="card" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t('ContactsCard.emergencyContactsAndGuarantor')}</h2>
      {drafts === null && (
        <>
          {record.contacts.length === 0 && <p>{t('ContactsCard.noEmergencyContactOrGuarantor')}</p>}
          <ul className="plain">
            {record.contacts.map((contact) => (
              <li key={contact.id}>
                <strong>{contact.name}</strong>
                {contact.relationship && <> ({contact.relationship})</>}
                <span className="tag">{KIND_LABELS[contact.kind]}</span>
                <div className="muted">
                  {[contact.phone, contact.email].filter(Boolean).join(' · ') || t('ContactsCard.noPhoneOrEmail')}
                </div>
              </li>
            ))}
          </ul>
          {canWrite && (
            <div className="actions">
              <button type="button" onClick={() => setDrafts(record.contacts.map(toDraft))}>
                {t('ContactsCard.editContacts')}
              </button>
            </div>
          )}
        </>
      )}
      {drafts !== null && (
        <form onSubmit={(event) => void save(event)} noValidate aria-label={t('ContactsCard.editContacts')}>
          {drafts.map((draft, index) => (
            <fieldset key={draft.id ?? `new-${index}`}>
              <legend>
                {KIND_LABELS[draft.kind]} {index + 1}
              </legend>
              <div className="row">
                <SelectField
                  label={t('ContactsCard.kind')}
                  value={draft.kind}
                  options={CONTACT_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
                  onChange={edit(index, 'kind')}
                  error={fieldError(index, 'kind')}
                />
                <Field
                  label={t('ContactsCard.name')}
                  value={draft.name}
                  onChange={edit(index, 'name')}
                  error={fieldError(index, 'name')}
                />
              </div>
              <div className="row">
                <Field
                  label={t('ContactsCard.relationship')}
                  value={draft.relationship}
                  onChange={edit(index, 'relationship')}
                  error={fieldError(index, 'relationship')}
                />
                <Field
                  label={t('ContactsCard.phone')}
                  type="tel"
                  value={draft.phone}
                  onChange={edit(index, 'phone')}
                  error={fieldError(index, 'phone')}
                />
              </div>
              <Field
                label={t('ContactsCard.email')}
                type="email"
                value={draft.email}
                onChange={edit(index, 'email')}
                error={fieldError(index, 'email')}
              />
              <button type="button" onClick={() => setDrafts(drafts.filter((_, at) => at !== index))}>
                {t('ContactsCard.remove', { draftName: draft.name || KIND_LABELS[draft.kind].toLowerCase() })}
              </button>
            </fieldset>
          ))}
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                setDrafts([...drafts, { kind: 'emergency', name: '', relationship: '', phone: '', email: '' }])
              }
            >
              {t('ContactsCard.addEmergencyContact')}
            </button>
            {!drafts.some((draft) => draft.kind === 'guarantor') && (
              <button
                type="button"
                onClick={() =>
                  setDrafts([...drafts, { kind: 'guarantor', name: '', relationship: '', phone: '', email: '' }])
                }
              >
                {t('ContactsCard.addGuarantor')}
              </button>
            )}
          </div>
          <FormMessage error={errors.errors.form} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('ContactsCard.saveContacts')}
            </button>
            <button
              type="button"
              onClick={() => {
                errors.clear();
                setDrafts(null);
              }}
            >
              {t('ContactsCard.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
