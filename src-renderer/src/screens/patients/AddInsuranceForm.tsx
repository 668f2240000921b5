import { useState, type SyntheticEvent } from 'react';
import { INSURANCE_PRIORITIES, type InsurancePriority } from '../../../../src-shared/patients/model';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import { parseDateInput } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { dateReadBack } from '../../format/calendar-date';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { usePatients } from '../../stores/patients';
import { useTranslation } from '../../i18n';
import { usePolicyTerms } from './policy-terms';

const EMPTY = {
  payer: '',
  plan: '',
  memberId: '',
  groupNumber: '',
  effectiveDate: '',
  terminationDate: '',
  lastVerifiedDate: '',
  copay: '',
  deductible: '',
  coinsurance: '',
};
const DATE_KEYS = ['effectiveDate', 'terminationDate', 'lastVerifiedDate'] as const;
type DateKey = (typeof DATE_KEYS)[number];

/** The form in the Insurance card's Add insurance dialog; `onAdded` closes it with the payer's name. */
export function AddInsuranceForm({
  patientId,
  dateFormat,
  onAdded,
}: {
  patientId: string;
  dateFormat: DateFormat;
  onAdded: (payer: string) => void;
}) {
  const { t } = useTranslation('patients');
  const show = usePatients((state) => state.show);
  const [form, setForm] = useState(EMPTY);
  const [priority, setPriority] = useState<InsurancePriority>('primary');
  // Dates as the clinic writes them; one that is not a real date is the form's own problem (and not sent).
  const dates: Record<DateKey, string | null> = { effectiveDate: null, terminationDate: null, lastVerifiedDate: null };
  const unreadDates: Partial<Record<DateKey, string>> = {};
  for (const key of DATE_KEYS) {
    if (!form[key]) continue;
    dates[key] = parseDateInput(form[key], dateFormat);
    if (!dates[key]) unreadDates[key] = t('AddInsuranceForm.mustBeARealDate', { dateFormat });
  }
  const terms = usePolicyTerms(form);
  const input = {
    patientId,
    payer: form.payer,
    plan: form.plan || null,
    memberId: form.memberId,
    groupNumber: form.groupNumber || null,
    priority,
    ...dates,
    ...terms.values,
  };
  /** What is wrong as typed: the dates as the clinic writes them, then main's rules for the draft. */
  const problems = (): Record<string, string> => ({
    ...draftProblems('patients.addInsurance', input),
    ...unreadDates,
    ...terms.problems,
  });
  const errors = useFormErrors(
    {
      ...form,
      priority,
      copayMinor: form.copay,
      deductibleMinor: form.deductible,
      coinsurancePpm: form.coinsurance,
    },
    problems,
  );
  const update = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local);
    const result = await call('patients.addInsurance', input);
    if (!result.ok) return errors.show(result.error);
    show(result.value);
    onAdded(form.payer.trim());
  }

  const error = (key: string) => errors.errors.fields[key];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('AddInsuranceForm.addInsurance')}>
      <Field label={t('AddInsuranceForm.payer')} value={form.payer} onChange={update('payer')} error={error('payer')} />
      <Field label={t('AddInsuranceForm.plan')} value={form.plan} onChange={update('plan')} error={error('plan')} />
      <Field
        label={t('AddInsuranceForm.memberId')}
        value={form.memberId}
        onChange={update('memberId')}
        error={error('memberId')}
      />
      <Field
        label={t('AddInsuranceForm.groupNumber')}
        value={form.groupNumber}
        onChange={update('groupNumber')}
        error={error('groupNumber')}
      />
      <SelectField
        label={t('AddInsuranceForm.priority')}
        value={priority}
        options={INSURANCE_PRIORITIES.map((value) => ({ value, label: value }))}
        onChange={(event) => setPriority(event.target.value as InsurancePriority)}
        error={error('priority')}
      />
      <Field
        label={t('AddInsuranceForm.effectiveDate')}
        value={form.effectiveDate}
        onChange={update('effectiveDate')}
        error={error('effectiveDate')}
        placeholder={dateFormat}
        hint={dateReadBack(form.effectiveDate, dateFormat, t('AddInsuranceForm.optional'))}
      />
      <Field
        label={t('AddInsuranceForm.terminationDate')}
        value={form.terminationDate}
        onChange={update('terminationDate')}
        error={error('terminationDate')}
        placeholder={dateFormat}
        hint={dateReadBack(form.terminationDate, dateFormat, t('AddInsuranceForm.optional'))}
      />
      <Field
        label={t('AddInsuranceForm.lastVerified')}
        value={form.lastVerifiedDate}
        onChange={update('lastVerifiedDate')}
        error={error('lastVerifiedDate')}
        placeholder={dateFormat}
        hint={dateReadBack(form.lastVerifiedDate, dateFormat, t('AddInsuranceForm.optional'))}
      />
      {terms.money && (
        <fieldset className="policy-terms">
          <legend>{t('AddInsuranceForm.termsLegend')}</legend>
          <Field
            label={t('AddInsuranceForm.copay')}
            value={form.copay}
            onChange={update('copay')}
            error={error('copayMinor')}
            inputMode="decimal"
            hint={t('AddInsuranceForm.copayHint')}
          />
          <Field
            label={t('AddInsuranceForm.deductible')}
            value={form.deductible}
            onChange={update('deductible')}
            error={error('deductibleMinor')}
            inputMode="decimal"
            hint={t('AddInsuranceForm.deductibleHint')}
          />
          <Field
            label={t('AddInsuranceForm.coinsurance')}
            value={form.coinsurance}
            onChange={update('coinsurance')}
            error={error('coinsurancePpm')}
            inputMode="decimal"
            hint={t('AddInsuranceForm.coinsuranceHint')}
          />
        </fieldset>
      )}
      <FormMessage error={errors.errors.form} />
      <button type="submit">{t('AddInsuranceForm.addInsurance')}</button>
    </form>
  );
}
