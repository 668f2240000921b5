import type { PatientRecord } from '../../../../src-shared/patients/model';
import { formatDate, todayIn } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { draftProblems } from '../../hooks/useFormErrors';
import { FormMessage } from '../../components/FormMessage';
import { useClinicSettings } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';
import { useSession } from '../../stores/session';
import { AddInsuranceForm } from './AddInsuranceForm';
import { usePolicyTermsText } from './policy-terms';
import { AllergiesCard } from './AllergiesCard';
import { AppointmentsCard } from './AppointmentsCard';
import { ConsentsCard } from './ConsentsCard';
import { ContactsCard } from './ContactsCard';
import { DocumentsCard } from './DocumentsCard';
import { HistoryCard } from './HistoryCard';
import { insuranceWarnings } from './insurance-status';
import { MergesCard } from './MergesCard';
import { PatientBanner } from './PatientBanner';
import { usePatientPhoto } from './patient-photo';
import { usePatientRecord } from './patient-record';
import { ConflictBanner } from '../conflicts/ConflictBanner';
import { PhotoCard } from './PhotoCard';
import { CommunicationLogCard } from '../tasks/CommunicationLogCard';
import { billingHref } from '../billing/route';
import { findHref } from '../find/route';
import { usePhoneFormat } from '../../format/phone';
import { Trans, useTranslation } from '../../i18n';

/** The postal address as the lines an envelope would carry; a dash when nothing is on file. */
function addressLines(address: PatientRecord['address']): string[] {
  const cityLine = [address.city, address.region, address.postalCode].filter(Boolean).join(' ');
  const lines = [address.line1, address.line2, cityLine, address.country].filter((line): line is string =>
    Boolean(line),
  );
  return lines.length > 0 ? lines : ['—'];
}

export function PatientSummaryScreen({ patientId }: { patientId: string }) {
  const { t } = useTranslation('patients');
  const { record, error } = usePatientRecord(patientId);
  const show = usePatients((state) => state.show);
  const settings = useClinicSettings((state) => state.settings);
  const phone = usePhoneFormat();
  const canWrite = useSession((state) => state.can('patients:write'));
  const canMerge = useSession((state) => state.can('patients:merge'));
  const canBook = useSession((state) => state.can('appointments:write'));
  const canSeeAccount = useSession((state) => state.can('billing:read'));
  const canSeeAppointments = useSession((state) => state.can('appointments:read'));
  const termsText = usePolicyTermsText();
  const photo = usePatientPhoto(record && record.id === patientId ? record : null);

  if (error) return <FormMessage error={error} />;
  if (!record || record.id !== patientId || !settings) return <p>{t('PatientSummaryScreen.openingTheRecord')}</p>;
  const today = todayIn(settings.timeZone, Date.now());

  return (
    <section>
      <PatientBanner record={record} photo={photo.photo} dateFormat={settings.dateFormat} />
      <ConflictBanner patientId={record.id} />
      <div className="section-head">
        <h1 className="visually-hidden">{t('PatientSummaryScreen.patientSummary')}</h1>
        {record.mergedIntoId ? (
          <p role="status" className="form-error">
            <Trans
              t={t}
              i18nKey="PatientSummaryScreen.thisRecordWasMergedInto"
              components={{ a: <a href={`#/patients/${record.mergedIntoId}`} /> }}
            />
          </p>
        ) : (
          <div className="actions">
            {canBook && record.active && !record.deceasedDate && (
              <a className="button" href={findHref(record.id)}>
                {t('PatientSummaryScreen.bookAnAppointment')}
              </a>
            )}
            {canWrite && (
              <a className="button" href={`#/patients/${record.id}/edit`}>
                {t('PatientSummaryScreen.editPatient')}
              </a>
            )}
            {canSeeAccount && (
              <a className="button" href={billingHref.account(record.id)}>
                {t('PatientSummaryScreen.account')}
              </a>
            )}
          </div>
        )}
      </div>
      <div className="summary-grid">
        <section className="card" aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t('PatientSummaryScreen.contact')}</h2>
          <dl>
            {record.phones.map((number) => (
              <div key={number.id}>
                <dt>
                  {number.kind}
                  {number.isPrimary ? ' (primary)' : ''}
                </dt>
                <dd>{phone(number.number)}</dd>
              </div>
            ))}
            <div>
              <dt>{t('PatientSummaryScreen.email')}</dt>
              <dd>{record.email ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('PatientSummaryScreen.nationalId')}</dt>
              <dd>{record.nationalIdMasked ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('PatientSummaryScreen.address')}</dt>
              <dd>
                {addressLines(record.address).map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>{t('PatientSummaryScreen.preferredLanguage')}</dt>
              <dd>{record.preferredLanguage ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('PatientSummaryScreen.sexGenderIdentity')}</dt>
              <dd>
                {record.sex}
                {record.genderIdentity ? ` · ${record.genderIdentity}` : ''}
              </dd>
            </div>
            {record.notes && (
              <div>
                <dt>{t('PatientSummaryScreen.notes')}</dt>
                <dd className="pre-line">{record.notes}</dd>
              </div>
            )}
          </dl>
        </section>
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
                      terminationDate: formatDate(policy.terminationDate, settings.dateFormat),
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
        </section>
      </div>
      {canSeeAppointments && (
        <div className="summary-grid">
          <AppointmentsCard
            patientId={record.id}
            canRebook={canBook && record.active && !record.deceasedDate && !record.mergedIntoId}
          />
        </div>
      )}
      <div className="summary-grid">
        <ContactsCard record={record} canWrite={canWrite && !record.mergedIntoId} />
        <MergesCard record={record} canMerge={canMerge} />
        {canWrite && !record.mergedIntoId && (
          <PhotoCard patientId={record.id} photo={photo.photo} onSaved={photo.reload} />
        )}
      </div>
      <div className="summary-grid">
        <DocumentsCard patientId={record.id} canWrite={canWrite} />
        <ConsentsCard patientId={record.id} today={today} canWrite={canWrite} />
      </div>
      <div className="summary-grid">
        <HistoryCard record={record} />
      </div>
      <CommunicationLogCard patientId={record.id} />
      {canWrite && !record.mergedIntoId && (
        <div className="summary-grid">
          <AddInsuranceForm patientId={record.id} dateFormat={settings.dateFormat} />
          <AllergiesCard
            allergies={record.allergies}
            changes={{
              add: (allergy) => call('patients.addAllergy', { patientId: record.id, ...allergy }),
              check: (allergy) => draftProblems('patients.addAllergy', { patientId: record.id, ...allergy }),
              remove: (allergyId, reason) =>
                call('patients.removeAllergy', { patientId: record.id, allergyId, reason }),
              onSaved: show,
            }}
          />
        </div>
      )}
    </section>
  );
}
