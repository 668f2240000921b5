import { useState } from 'react';
import { todayIn } from '../../../../src-shared/patients/dates';
import { call } from '../../api';
import { draftProblems } from '../../hooks/useFormErrors';
import { FormMessage } from '../../components/FormMessage';
import { useClinicSettings } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';
import { useSession } from '../../stores/session';
import { useTranslation } from '../../i18n';
import { AccountTab } from './AccountTab';
import { AllergiesCard } from './AllergiesCard';
import { AppointmentsCard } from './AppointmentsCard';
import { ConsentsCard } from './ConsentsCard';
import { ContactDetailsCard } from './ContactDetailsCard';
import { ContactsCard } from './ContactsCard';
import { DocumentsCard } from './DocumentsCard';
import { HistoryCard } from './HistoryCard';
import { InsuranceCard } from './InsuranceCard';
import { MergesCard } from './MergesCard';
import { PatientHeader } from './PatientHeader';
import { PATIENT_TABS, PatientTabs, isPatientTab, type PatientTab } from './PatientTabs';
import { PhotoCard } from './PhotoCard';
import { usePatientPhoto } from './patient-photo';
import { usePatientRecord } from './patient-record';
import { CommunicationLogCard } from '../tasks/CommunicationLogCard';
import './patient-page.css';

/**
 * `#/patients/<id>` (or `/<id>/<tab>`): the patient as a read view. The header (banner, balance, next
 * appointment, quick actions) stays; the sections are tabs, and adding to one opens a dialog from its
 * Add button rather than every form open on the page.
 */
export function PatientSummaryScreen({ patientId, tab }: { patientId: string; tab?: string }) {
  const { t } = useTranslation('patients');
  const { record, error } = usePatientRecord(patientId);
  const show = usePatients((state) => state.show);
  const settings = useClinicSettings((state) => state.settings);
  const can = useSession((state) => state.can);
  const photo = usePatientPhoto(record && record.id === patientId ? record : null);
  const [shown, setShown] = useState<PatientTab>(tab && isPatientTab(tab) ? tab : 'overview');
  // Each press of the header's Log a call opens the log's form afresh (the card is mounted again).
  const [logCalls, setLogCalls] = useState(0);

  if (error) return <FormMessage error={error} />;
  if (!record || record.id !== patientId || !settings) return <p>{t('PatientSummaryScreen.openingTheRecord')}</p>;
  const today = todayIn(settings.timeZone, Date.now());
  const canWrite = can('patients:write') && !record.mergedIntoId;
  const tabs = PATIENT_TABS.filter(
    (each) => (each !== 'appointments' || can('appointments:read')) && (each !== 'account' || can('billing:read')),
  );
  const current = tabs.includes(shown) ? shown : 'overview';

  return (
    <section>
      <h1 className="visually-hidden">{t('PatientSummaryScreen.patientSummary')}</h1>
      <PatientHeader
        record={record}
        photo={photo.photo}
        today={today}
        onLogCall={() => {
          setShown('overview');
          setLogCalls(logCalls + 1);
        }}
      />
      <PatientTabs tabs={tabs} shown={current} onShow={setShown}>
        {current === 'overview' && (
          <div className="summary-grid">
            <ContactDetailsCard record={record} />
            <AllergiesCard
              allergies={record.allergies}
              addInDialog
              changes={
                canWrite
                  ? {
                      add: (allergy) => call('patients.addAllergy', { patientId: record.id, ...allergy }),
                      check: (allergy) => draftProblems('patients.addAllergy', { patientId: record.id, ...allergy }),
                      remove: (allergyId, reason) =>
                        call('patients.removeAllergy', { patientId: record.id, allergyId, reason }),
                      onSaved: show,
                    }
                  : undefined
              }
            />
            {canWrite && <PhotoCard patientId={record.id} photo={photo.photo} onSaved={photo.reload} />}
            <MergesCard record={record} canMerge={can('patients:merge')} />
            <CommunicationLogCard key={logCalls} patientId={record.id} startLogging={logCalls > 0} />
          </div>
        )}
        {current === 'appointments' && (
          <AppointmentsCard
            patientId={record.id}
            canRebook={can('appointments:write') && record.active && !record.deceasedDate && !record.mergedIntoId}
          />
        )}
        {current === 'account' && <AccountTab patientId={record.id} />}
        {current === 'documents' && (
          <div className="summary-grid">
            <DocumentsCard patientId={record.id} canWrite={can('patients:write')} />
            <ConsentsCard patientId={record.id} today={today} canWrite={can('patients:write')} />
          </div>
        )}
        {current === 'contacts' && (
          <div className="summary-grid">
            <ContactsCard record={record} canWrite={canWrite} />
            <InsuranceCard record={record} today={today} dateFormat={settings.dateFormat} canWrite={canWrite} />
          </div>
        )}
        {current === 'history' && <HistoryCard record={record} />}
      </PatientTabs>
    </section>
  );
}
