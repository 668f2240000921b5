import { useState, type SyntheticEvent } from 'react';
import type { DuplicateCandidate } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useCalendarDate } from '../../format/calendar-date';
import { usePhoneReadBack } from '../../format/phone';
import { useTranslation } from '../../i18n';

const SHOWN = ['firstName', 'lastName', 'dob', 'phones.0.number'];

/**
 * Quick registration of a new walk-in: name, date of birth and a phone, then straight to check-in.
 * A likely duplicate is offered instead, or set aside explicitly ("a different person").
 */
export function QuickRegister({ onRegistered }: { onRegistered: (patientId: string) => void }) {
  const { t } = useTranslation('visits');
  const showDate = useCalendarDate();
  const readBack = usePhoneReadBack();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [dob, setDob] = useState('');
  const [phone, setPhone] = useState('');
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const [busy, setBusy] = useState(false);
  const input = (notDuplicateOf: string[]) => ({
    firstName,
    lastName,
    dob,
    phones: phone.trim() ? [{ kind: 'mobile' as const, number: phone }] : [],
    notDuplicateOf,
  });
  const errors = useFormErrors({ firstName, lastName, dob, 'phones.0.number': phone }, () =>
    draftProblems('patients.create', input([])),
  );

  async function register(event: SyntheticEvent, notDuplicateOf: string[] = []) {
    event.preventDefault();
    errors.clear();
    const local = draftProblems('patients.create', input(notDuplicateOf));
    if (Object.keys(local).length > 0) return errors.showProblems(local, SHOWN);
    setBusy(true);
    const result = await call('patients.create', input(notDuplicateOf));
    setBusy(false);
    if (!result.ok) {
      const found = result.error.details?.duplicates;
      setDuplicates(result.error.code === 'CONFLICT' && Array.isArray(found) ? (found as DuplicateCandidate[]) : []);
      return errors.show(result.error, SHOWN);
    }
    // Emptied for the next walk-in: the same details again would only meet this patient as a duplicate.
    setDuplicates([]);
    setFirstName('');
    setLastName('');
    setDob('');
    setPhone('');
    onRegistered(result.value.id);
  }

  return (
    <form
      aria-label={t('QuickRegister.quickRegistration')}
      noValidate
      onSubmit={(event) => void register(event)}
      className="quick-register"
    >
      <h3>{t('QuickRegister.newPatient')}</h3>
      <div className="vitals-grid">
        <Field
          label={t('QuickRegister.firstName')}
          value={firstName}
          onChange={(event) => setFirstName(event.target.value)}
          error={errors.errors.fields.firstName}
        />
        <Field
          label={t('QuickRegister.lastName')}
          value={lastName}
          onChange={(event) => setLastName(event.target.value)}
          error={errors.errors.fields.lastName}
        />
        <DateField
          label={t('QuickRegister.dateOfBirth')}
          value={dob}
          onChange={setDob}
          error={errors.errors.fields.dob}
        />
      </div>
      <Field
        label={t('QuickRegister.mobilePhone')}
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        error={errors.errors.fields['phones.0.number']}
        hint={readBack(phone)}
      />
      <FormMessage error={errors.errors.form} />
      {duplicates.length > 0 && (
        <ul className="walkin-results" aria-label={t('QuickRegister.possibleDuplicates')}>
          {duplicates.map((candidate) => (
            <li key={candidate.patient.id}>
              {candidate.patient.name}{' '}
              <span className="muted">
                {t('QuickRegister.mrn', { dob: showDate(candidate.patient.dob), mrn: candidate.patient.mrn })}
              </span>{' '}
              <button type="button" onClick={() => onRegistered(candidate.patient.id)}>
                {t('QuickRegister.checkIn', { patientName: candidate.patient.name })}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              disabled={busy}
              onClick={(event) =>
                void register(
                  event,
                  duplicates.map((candidate) => candidate.patient.id),
                )
              }
            >
              {t('QuickRegister.aDifferentPersonRegister')}
            </button>
          </li>
        </ul>
      )}
      <button type="submit" disabled={busy}>
        {t('QuickRegister.registerAndCheckIn')}
      </button>
    </form>
  );
}
