import { useEffect, useState, type SyntheticEvent } from 'react';
import { CONSENT_KINDS, type Consent, type ConsentKind } from '../../../../src-shared/patients/consents';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useCalendarDate } from '../../format/calendar-date';

const KIND_LABELS: Record<ConsentKind, string> = {
  treatment: 'Treatment',
  privacy: 'Privacy notice',
  sms_reminders: 'SMS reminders',
  email_reminders: 'Email reminders',
  research: 'Research',
  other: 'Other',
};

export function ConsentsCard({ patientId, today, canWrite }: { patientId: string; today: string; canWrite: boolean }) {
  const showDate = useCalendarDate();
  const [consents, setConsents] = useState<Consent[]>([]);
  const [kind, setKind] = useState<ConsentKind>('treatment');
  const [givenOn, setGivenOn] = useState(today);
  const errors = useFormErrors({ kind, givenOn });

  useEffect(() => {
    void call('consents.list', { patientId }).then((result) => {
      if (result.ok) setConsents(result.value);
    });
  }, [patientId]);

  async function record(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const result = await call('consents.record', { patientId, kind, givenOn });
    if (!result.ok) return errors.show(result.error);
    setConsents([result.value, ...consents]);
  }

  async function revoke(consent: Consent) {
    const result = await call('consents.revoke', { consentId: consent.id });
    if (result.ok) setConsents(consents.map((existing) => (existing.id === consent.id ? result.value : existing)));
  }

  return (
    <section className="card" aria-labelledby="consents-heading">
      <h2 id="consents-heading">Consents</h2>
      {consents.length === 0 && <p>No consents on file.</p>}
      <ul className="plain">
        {consents.map((consent) => (
          <li key={consent.id}>
            <strong>{KIND_LABELS[consent.kind]}</strong> · given {showDate(consent.givenOn)}
            {consent.revokedAt !== null ? (
              <span className="tag warning">Revoked</span>
            ) : (
              canWrite && (
                <button
                  type="button"
                  aria-label={`Revoke ${KIND_LABELS[consent.kind]} consent`}
                  onClick={() => void revoke(consent)}
                >
                  Revoke
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form onSubmit={(event) => void record(event)} noValidate aria-label="Record consent">
          <SelectField
            label="Consent"
            value={kind}
            options={CONSENT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
            onChange={(event) => setKind(event.target.value as ConsentKind)}
          />
          <Field
            label="Given on"
            value={givenOn}
            onChange={(event) => setGivenOn(event.target.value)}
            error={errors.errors.fields.givenOn}
            placeholder="YYYY-MM-DD"
          />
          <FormMessage error={errors.errors.form} />
          <button type="submit">Record consent</button>
        </form>
      )}
    </section>
  );
}
