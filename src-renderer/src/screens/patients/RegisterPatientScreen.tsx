import { useEffect, useState, type SyntheticEvent } from 'react';
import { SEXES, type DuplicateCandidate } from '../../../../src-shared/api/areas/patients';
import { parseDateInput } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useClinicSettings } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';
import { DuplicatePanel } from './DuplicatePanel';

const EMPTY = { firstName: '', middleName: '', lastName: '', preferredName: '', dob: '', sex: 'unknown', email: '', mobile: '', nationalId: '' };
const DUPLICATE_CHECK_DELAY_MS = 250;

export function RegisterPatientScreen() {
  const { settings, load } = useClinicSettings();
  const show = usePatients((state) => state.show);
  const [form, setForm] = useState(EMPTY);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();
  const format = settings?.dateFormat ?? 'YYYY-MM-DD';
  const dobIso = parseDateInput(form.dob, format);
  const dirty = JSON.stringify(form) !== JSON.stringify(EMPTY);

  useEffect(() => {
    void load();
  }, [load]);

  // Live duplicate candidates while typing, a moment after the last keystroke.
  useEffect(() => {
    if (!form.lastName && !form.mobile && !form.email && !form.nationalId) return setCandidates([]);
    const timer = window.setTimeout(() => {
      void call('patients.findDuplicates', {
        firstName: form.firstName,
        middleName: form.middleName || null,
        lastName: form.lastName,
        dob: dobIso,
        email: form.email || null,
        nationalId: form.nationalId || null,
        phones: form.mobile ? [{ number: form.mobile }] : [],
        limit: 5,
      }).then((result) => {
        if (result.ok) setCandidates(result.value);
      });
    }, DUPLICATE_CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [form.firstName, form.middleName, form.lastName, dobIso, form.email, form.nationalId, form.mobile]);

  // Unsaved-changes guard: closing or reloading the window asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const update = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    if (form.dob && !dobIso) return errors.setField('dob', `must be a real date written as ${format}`);
    setBusy(true);
    const result = await call('patients.create', {
      firstName: form.firstName,
      middleName: form.middleName || null,
      lastName: form.lastName,
      preferredName: form.preferredName || null,
      dob: dobIso ?? form.dob,
      sex: form.sex as (typeof SEXES)[number],
      email: form.email || null,
      phones: form.mobile ? [{ kind: 'mobile', number: form.mobile, isPrimary: true }] : [],
      nationalId: form.nationalId || undefined,
      notDuplicateOf: confirmed,
    });
    setBusy(false);
    if (!result.ok) return errors.show(result.error);
    setForm(EMPTY);
    show(result.value);
    window.location.hash = `#/patients/${result.value.id}`;
  }

  const fieldError = (name: string) => errors.errors.fields[name];

  return (
    <section>
      <h1>Register patient</h1>
      <div className="two-columns">
        <form className="card wide" onSubmit={(event) => void submit(event)} noValidate aria-label="Register patient">
          <div className="row">
            <Field label="First name" value={form.firstName} onChange={update('firstName')} error={fieldError('firstName')} autoFocus />
            <Field label="Middle name" value={form.middleName} onChange={update('middleName')} error={fieldError('middleName')} />
          </div>
          <div className="row">
            <Field label="Last name" value={form.lastName} onChange={update('lastName')} error={fieldError('lastName')} />
            <Field label="Preferred name" value={form.preferredName} onChange={update('preferredName')} error={fieldError('preferredName')} />
          </div>
          <div className="row">
            <Field label="Date of birth" value={form.dob} onChange={update('dob')} error={fieldError('dob')} placeholder={format} hint={dobIso ? `Read as ${dobIso}` : `As ${format}`} />
            <SelectField label="Sex" value={form.sex} options={SEXES.map((sex) => ({ value: sex, label: sex }))} onChange={update('sex')} error={fieldError('sex')} />
          </div>
          <div className="row">
            <Field label="Mobile phone" type="tel" value={form.mobile} onChange={update('mobile')} error={fieldError('phones.0.number')} />
            <Field label="Email" type="email" value={form.email} onChange={update('email')} error={fieldError('email')} />
          </div>
          <Field label="National id" value={form.nationalId} onChange={update('nationalId')} error={fieldError('nationalId')} hint="Stored, shown masked, found only when typed whole." />
          <FormMessage error={errors.errors.form} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Saving…' : 'Register patient'}
            </button>
            <a className="button" href="#/patients">
              Cancel
            </a>
          </div>
        </form>
        <DuplicatePanel
          candidates={candidates}
          confirmed={confirmed}
          onConfirm={(id, notSame) => setConfirmed(notSame ? [...confirmed, id] : confirmed.filter((other) => other !== id))}
        />
      </div>
    </section>
  );
}
