import { useState, type SyntheticEvent } from 'react';
import type { VisitSettings } from '../../../../src-shared/visits/model';
import { bmi, checkVitals, toSI, type VitalField, type VitalsEntry } from '../../../../src-shared/visits/vitals';
import { wordedForScreen } from '../../draft-refusal';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import type { Input } from '../../../../src-shared/api/contract';
import { useClinicSettings } from '../../stores/clinic-settings';
import { localTimeOf } from '../../../../src-shared/scheduling/time';
import { useClockTime } from '../../format/clock-time';
import { Trans, useTranslation } from '../../i18n';

type Numeric = VitalField;

interface VitalsFormProps {
  patientId: string;
  visitId: string;
  settings: VisitSettings;
  allergies: string;
  onSaved: () => void;
}

const EMPTY: Record<Numeric, string> = {
  systolic: '',
  diastolic: '',
  pulse: '',
  respRate: '',
  temperature: '',
  spo2: '',
  weight: '',
  height: '',
  pain: '',
};

/** Vitals in the clinic's units, BMI as you type, impossible values refused and unusual ones confirmed. */
export function VitalsForm({ patientId, visitId, settings, allergies, onSaved }: VitalsFormProps) {
  const { t } = useTranslation('visits');
  const [values, setValues] = useState(EMPTY);
  const [complaint, setComplaint] = useState('');
  const [reviewed, setReviewed] = useState(false);
  const [unusual, setUnusual] = useState<VitalField[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const zone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';
  const clock = useClockTime();
  const units = { temperature: settings.temperatureUnit, system: settings.measurementSystem } as const;
  const imperial = units.system === 'imperial';

  const parsed: VitalsEntry = {};
  const badNumbers: VitalField[] = [];
  for (const field of Object.keys(values) as Numeric[]) {
    const text = values[field].trim();
    if (text === '') continue;
    const value = Number(text.replace(',', '.'));
    if (Number.isFinite(value)) parsed[field] = value;
    else badNumbers.push(field);
  }
  const si = toSI(parsed, units);
  const bodyMass = bmi(si.weightKg, si.heightM);

  const input = (confirm: VitalField[] = []): Input<'vitals.record'> => ({
    patientId,
    visitId,
    units,
    ...parsed,
    chiefComplaint: complaint,
    allergiesReviewed: reviewed,
    confirmImplausible: confirm,
  });
  /**
   * What is wrong as typed: a value that is not a number, main's schema for the draft, and the values no
   * body has (main's `checkVitals`, shared), all at once: a pain of 11 and an SpO2 of 150 are both said
   * on the first save, not the second after the first is put right.
   */
  const problems = (): Record<string, string> => {
    const impossible = checkVitals(si, units).impossible;
    const limits =
      impossible.length === 0
        ? {}
        : (wordedForScreen({
            code: 'VALIDATION',
            message: '',
            details: { fields: Object.fromEntries(impossible.map((problem) => [problem.field, problem.message])) },
          }).details?.fields ?? {});
    return {
      ...limits,
      ...draftProblems('vitals.record', input()),
      ...Object.fromEntries(badNumbers.map((field) => [field, t('VitalsForm.mustBeANumber')])),
    };
  };
  const errors = useFormErrors({ ...values, chiefComplaint: complaint }, problems);

  const set = (field: Numeric) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setUnusual([]);
  };

  async function save(event: SyntheticEvent, confirm: VitalField[] = []) {
    event.preventDefault();
    errors.clear();
    setSaved(null);
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, [...Object.keys(EMPTY), 'chiefComplaint']);
    setBusy(true);
    const result = await call('vitals.record', input(confirm));
    setBusy(false);
    if (!result.ok) {
      const implausible = result.error.details?.implausible;
      setUnusual(Array.isArray(implausible) ? (implausible as VitalField[]) : []);
      return errors.show(result.error, [...Object.keys(EMPTY), 'chiefComplaint']);
    }
    setSaved(
      t('VitalsForm.vitalsSavedAtBy', {
        zone: clock.hhmm(localTimeOf(zone, result.value.recordedAt)),
        recordedBy: result.value.recordedBy ?? '',
        context: result.value.recordedBy ? undefined : 'you',
      }),
    );
    setValues(EMPTY);
    setComplaint('');
    setUnusual([]);
    onSaved();
  }

  const field = (name: Numeric, label: string, extra: { step?: string; min?: number; max?: number } = {}) => (
    <Field
      label={label}
      inputMode="decimal"
      value={values[name]}
      onChange={set(name)}
      error={errors.errors.fields[name]}
      {...extra}
    />
  );

  return (
    <form
      aria-label={t('VitalsForm.recordVitals')}
      noValidate
      onSubmit={(event) => void save(event)}
      className="vitals-form card wide"
    >
      <h2>{t('VitalsForm.vitals')}</h2>
      <div className="vitals-grid">
        {field('systolic', t('VitalsForm.bpSystolicMmhg'))}
        {field('diastolic', t('VitalsForm.bpDiastolicMmhg'))}
        {field('pulse', t('VitalsForm.pulsePerMin'))}
        {field('respRate', t('VitalsForm.respRatePerMin'))}
        {field('temperature', t('VitalsForm.temperature', { temperature: units.temperature }))}
        {field('spo2', t('VitalsForm.spo2'))}
        {field('weight', imperial ? t('VitalsForm.weightLb') : t('VitalsForm.weightKg'))}
        {field('height', imperial ? t('VitalsForm.heightIn') : t('VitalsForm.heightCm'))}
        {field('pain', t('VitalsForm.pain010'))}
        <div className="field">
          <span className="label-like">{t('VitalsForm.bmi')}</span>
          <output aria-label="BMI" className="bmi">
            {bodyMass === null ? '—' : bodyMass.toFixed(1)}
          </output>
        </div>
      </div>
      <Field
        label={t('VitalsForm.chiefComplaint')}
        value={complaint}
        onChange={(event) => setComplaint(event.target.value)}
        maxLength={500}
        error={errors.errors.fields.chiefComplaint}
      />
      <label className="check">
        <Trans
          t={t}
          i18nKey="VitalsForm.allergiesReviewedWithThePatient"
          values={{ allergies }}
          components={{
            input: <input type="checkbox" checked={reviewed} onChange={(event) => setReviewed(event.target.checked)} />,
          }}
        />
      </label>
      {unusual.length > 0 ? (
        <div role="alert" className="confirm-unusual">
          <p>{t('VitalsForm.theseValuesAreUnusualCheck')}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={(event) => void save(event, unusual)}>
              {t('VitalsForm.confirmUnusualValuesAndSave')}
            </button>
          </div>
        </div>
      ) : (
        <FormMessage error={errors.errors.form} success={saved} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('VitalsForm.saveVitals')}
        </button>
      </div>
    </form>
  );
}
