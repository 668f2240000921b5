import { useState } from 'react';
import type { PatientRecord } from '../../../../src-shared/patients/model';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import { formatDate } from '../../../../src-shared/patients/dates';
import { AddDialog } from '../../components/AddDialog';
import { FormMessage } from '../../components/FormMessage';
import { useTranslation } from '../../i18n';
import { AddInsuranceForm } from './AddInsuranceForm';
import { insuranceWarnings } from './insurance-status';
import { usePolicyTermsText } from './policy-terms';

/** The policies on file with their warnings (expired, not verified lately); Add insurance opens a dialog. */
export function InsuranceCard({
  record,
  today,
  dateFormat,
  canWrite,
}: {
  record: PatientRecord;
  today: string;
  dateFormat: DateFormat;
  canWrite: boolean;
}) {
  const { t } = useTranslation('patients');
  const [added, setAdded] = useState<string | null>(null);
  const termsText = usePolicyTermsText();
  return (
    <section className="card" aria-labelledby="insurance-heading">
      <h2 id="insurance-heading">{t('PatientSummaryScreen.insurance')}</h2>
      {record.insurance.length === 0 && <p>{t('PatientSummaryScreen.noInsuranceOnFile')}</p>}
      <ul className="plain">
        {record.insurance.map((policy) => (
          <li key={policy.id}>
            <strong>{policy.payer}</strong> {policy.plan} · {policy.priority} {t('PatientSummaryScreen.member')}{' '}
            {policy.memberId}
            {policy.terminationDate && (
              <>
                {t('PatientSummaryScreen.until', {
                  terminationDate: formatDate(policy.terminationDate, dateFormat),
                })}
              </>
            )}
            {termsText(policy) && (
              <span className="sub">{t('PatientSummaryScreen.policyTerms', termsText(policy) ?? {})}</span>
            )}
            {insuranceWarnings(policy, today).map((warning) => (
              <span key={warning} className="tag warning">
                {warning}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {canWrite && (
        <div className="actions">
          <AddDialog label={t('AddInsuranceForm.addInsurance')}>
            {(done) => (
              <AddInsuranceForm
                patientId={record.id}
                dateFormat={dateFormat}
                onAdded={(payer) => {
                  setAdded(t('AddInsuranceForm.added', { payer }));
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
