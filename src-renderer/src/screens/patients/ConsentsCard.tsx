import { useState, type SyntheticEvent } from 'react';
import { CONSENT_KINDS, type Consent, type ConsentKind } from '../../../../src-shared/patients/consents';
import { call } from '../../api';
import { AddDialog } from '../../components/AddDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useCalendarDate } from '../../format/calendar-date';
import { i18next, useTranslation } from '../../i18n';

const KIND_LABELS: Record<ConsentKind, string> = {
  get treatment() {
    return i18next.t('patients:ConsentsCard.treatment');
  },
  get privacy() {
    return i18next.t('patients:ConsentsCard.privacyNotice');
  },
  get sms_reminders() {
    return i18next.t('patients:ConsentsCard.smsReminders');
  },
  get email_reminders() {
    return i18next.t('patients:ConsentsCard.emailReminders');
  },
  get research() {
    return i18next.t('patients:ConsentsCard.research');
  },
  get other() {
    return i18next.t('patients:ConsentsCard.other');
  },
};

/** Consents given (and revoked) with their dates; Add consent opens a dialog. */
export function ConsentsCard({ patientId, today, canWrite }: { patientId: string; today: string; canWrite: boolean }) {
  const { t } = useTranslation('patients');
  const showDate = useCalendarDate();
  const read = useProcedure(
    'consents.list',
    { patientId },
    { refreshOn: { 'patients.changed': (event) => event.patientIds.includes(patientId) } },
  );
  const consents = read.value ?? [];
  const [added, setAdded] = useState<string | null>(null);

  async function revoke(consent: Consent) {
    const result = await call('consents.revoke', { consentId: consent.id });
    if (result.ok) read.reload();
  }

  return (
    <section className="card" aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('ConsentsCard.consents')}</h2>
      {consents.length === 0 && <p>{t('ConsentsCard.noConsentsOnFile')}</p>}
      <ul className="plain">
        {consents.map((consent) => (
          <li key={consent.id}>
            <strong>{KIND_LABELS[consent.kind]}</strong> {t('ConsentsCard.given')} {showDate(consent.givenOn)}
            {consent.revokedAt !== null ? (
              <span className="tag warning">{t('ConsentsCard.revoked')}</span>
            ) : (
              canWrite && (
                <button
                  type="button"
                  aria-label={t('ConsentsCard.revokeConsent', { KIND_LABELS: KIND_LABELS[consent.kind] })}
                  onClick={() => void revoke(consent)}
                >
                  {t('ConsentsCard.revoke')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <div className="actions">
          <AddDialog label={t('ConsentsCard.addConsent')}>
            {(done) => (
              <RecordConsentForm
                patientId={patientId}
                today={today}
                onAdded={(kind) => {
                  read.reload();
                  setAdded(t('ConsentsCard.added', { kind: KIND_LABELS[kind] }));
                  done();
                }}
              />
            )}
          </AddDialog>
        </div>
      )}
      <FormMessage success={added} />
    </section>
  );
}

function RecordConsentForm({
  patientId,
  today,
  onAdded,
}: {
  patientId: string;
  today: string;
  onAdded: (kind: ConsentKind) => void;
}) {
  const { t } = useTranslation('patients');
  const [kind, setKind] = useState<ConsentKind>('treatment');
  const [givenOn, setGivenOn] = useState(today);
  const input = { patientId, kind, givenOn };
  const errors = useFormErrors({ kind, givenOn }, () => draftProblems('consents.record', input));

  async function record(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = draftProblems('consents.record', input);
    if (Object.keys(local).length > 0) return errors.showProblems(local);
    const result = await call('consents.record', input);
    if (!result.ok) return errors.show(result.error);
    onAdded(kind);
  }

  return (
    <form onSubmit={(event) => void record(event)} noValidate aria-label={t('ConsentsCard.recordConsent')}>
      <SelectField
        label={t('ConsentsCard.consent')}
        value={kind}
        options={CONSENT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
        onChange={(event) => setKind(event.target.value as ConsentKind)}
      />
      <Field
        label={t('ConsentsCard.givenOn')}
        value={givenOn}
        onChange={(event) => setGivenOn(event.target.value)}
        error={errors.errors.fields.givenOn}
        placeholder="YYYY-MM-DD"
      />
      <FormMessage error={errors.errors.form} />
      <button type="submit">{t('ConsentsCard.recordConsent')}</button>
    </form>
  );
}
