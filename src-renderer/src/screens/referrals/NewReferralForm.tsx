import { useId, useState, type SyntheticEvent } from 'react';
import type { Input } from '../../../../src-shared/api/contract';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { todayIn } from '../../../../src-shared/patients/dates';
import {
  REFERRAL_URGENCIES,
  type ReferralDirection,
  type ReferralUrgency,
} from '../../../../src-shared/referrals/model';
import type { DocumentType } from '../../../../src-shared/patients/documents';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { TextAreaField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { PatientPicker } from '../../components/PatientPicker';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useCalendarLists } from '../calendar/reads';
import { readAsBase64 } from '../patients/read-file';
import { urgencyLabel } from './referral-labels';
import { ReferrerPicker } from './ReferrerPicker';

const FIELDS = [
  'letterOn',
  'referrerId',
  'patientId',
  'reason',
  'urgency',
  'appointmentTypeId',
  'letter.contentBase64',
];
const TYPES: readonly DocumentType[] = ['application/pdf', 'image/png', 'image/jpeg'];

interface Letter {
  fileName: string;
  mimeType: DocumentType;
  contentBase64: string;
}

/**
 * "Record a referral": the letter's date, who it is from (or, out, to), the patient (found by the usual
 * search; a new patient is registered first, through the duplicate check), why, how urgent, the kind of
 * appointment wanted, and the letter itself (kept in the patient's documents).
 */
export function NewReferralForm({ direction, onCreated }: { direction: ReferralDirection; onCreated: () => void }) {
  const { t } = useTranslation('referrals');
  const headingId = useId();
  const zone = useClinicSettings((state) => state.settings?.timeZone);
  const referrers = useProcedure('referrals.referrers', {});
  const { types } = useCalendarLists();
  const [typedOn, setLetterOn] = useState('');
  // Today in the clinic's zone until another date is typed.
  const letterOn = typedOn || (zone ? todayIn(zone, Date.now()) : '');
  const [referrerId, setReferrerId] = useState('');
  const [patient, setPatient] = useState<PatientSearchRow | null>(null);
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<ReferralUrgency>('routine');
  const [typeId, setTypeId] = useState('');
  const [letter, setLetter] = useState<Letter | null>(null);
  const [letterProblem, setLetterProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  const input = (): Input<'referrals.create'> => ({
    direction,
    letterOn,
    referrerId,
    patientId: patient?.id ?? '',
    reason,
    urgency,
    ...(typeId ? { appointmentTypeId: typeId } : {}),
    ...(letter ? { letter } : {}),
  });
  const problems = (): Record<string, string> => ({
    ...draftProblems('referrals.create', input()),
    ...(!referrerId && { referrerId: t('NewReferralForm.chooseReferrer') }),
    ...(!patient && { patientId: t('NewReferralForm.choosePatient') }),
    ...(letterProblem && { 'letter.contentBase64': letterProblem }),
  });
  const errors = useFormErrors(
    { letterOn, referrerId, patientId: patient?.id ?? null, reason, urgency, appointmentTypeId: typeId, letter },
    problems,
  );

  async function chooseFile(file: File | undefined) {
    setLetter(null);
    setLetterProblem(null);
    if (!file) return;
    const mimeType = TYPES.find((type) => type === file.type);
    if (!mimeType) return setLetterProblem(t('NewReferralForm.letterType'));
    setLetter({ fileName: file.name, mimeType, contentBase64: await readAsBase64(file) });
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setCreated(null);
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, FIELDS);
    setBusy(true);
    const result = await call('referrals.create', input());
    setBusy(false);
    if (!result.ok) return errors.show(result.error, FIELDS);
    setCreated(t('NewReferralForm.recorded', { patientName: result.value.patientName }));
    setPatient(null);
    setReason('');
    setLetter(null);
    onCreated();
  }

  return (
    <form className="card wide" aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)}>
      <h2 id={headingId}>{direction === 'in' ? t('NewReferralForm.headingIn') : t('NewReferralForm.headingOut')}</h2>
      <DateField
        label={direction === 'in' ? t('NewReferralForm.receivedOn') : t('NewReferralForm.sentOn')}
        value={letterOn}
        onChange={setLetterOn}
        error={errors.errors.fields.letterOn}
      />
      <ReferrerPicker
        label={direction === 'in' ? t('NewReferralForm.referredBy') : t('NewReferralForm.referredTo')}
        referrers={referrers.value ?? []}
        value={referrerId}
        onChange={setReferrerId}
        onAdded={(referrer) => {
          referrers.reload();
          setReferrerId(referrer.id);
        }}
        error={errors.errors.fields.referrerId}
      />
      <PatientPicker
        idPrefix="referral"
        patient={patient}
        onChange={setPatient}
        error={errors.errors.fields.patientId}
      />
      {!patient && (
        <p className="hint">
          {t('NewReferralForm.notFound')} <a href="#/patients/new">{t('NewReferralForm.register')}</a>
        </p>
      )}
      <TextAreaField
        label={t('NewReferralForm.reason')}
        value={reason}
        rows={2}
        onChange={(event) => setReason(event.target.value)}
        error={errors.errors.fields.reason}
      />
      <SelectField
        label={t('NewReferralForm.urgency')}
        value={urgency}
        options={REFERRAL_URGENCIES.map((u) => ({ value: u, label: urgencyLabel(u) }))}
        onChange={(event) => setUrgency(event.target.value as ReferralUrgency)}
        error={errors.errors.fields.urgency}
      />
      {direction === 'in' && (
        <SelectField
          label={t('NewReferralForm.wantedType')}
          value={typeId}
          options={[
            { value: '', label: t('NewReferralForm.anyType') },
            ...types.map((type) => ({ value: type.id, label: type.name })),
          ]}
          onChange={(event) => setTypeId(event.target.value)}
          error={errors.errors.fields.appointmentTypeId}
        />
      )}
      <div className="field">
        <label htmlFor={`${headingId}-letter`}>{t('NewReferralForm.letter')}</label>
        <input
          id={`${headingId}-letter`}
          type="file"
          accept={TYPES.join(',')}
          aria-invalid={errors.errors.fields['letter.contentBase64'] ? true : undefined}
          aria-describedby={errors.errors.fields['letter.contentBase64'] ? `${headingId}-letter-error` : undefined}
          onChange={(event) => void chooseFile(event.target.files?.[0])}
        />
        {errors.errors.fields['letter.contentBase64'] && (
          <small id={`${headingId}-letter-error`} className="field-error">
            {errors.errors.fields['letter.contentBase64']}
          </small>
        )}
      </div>
      <FormMessage error={errors.errors.form} success={created} />
      <button type="submit" className="primary" disabled={busy}>
        {t('NewReferralForm.record')}
      </button>
    </form>
  );
}
