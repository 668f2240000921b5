import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { navigate } from '../../hooks/navigation';
import { useClinicSettings } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';
import { formFromRecord, updateInputFrom } from './patient-form';
import { PatientBanner } from './PatientBanner';
import { usePatientPhoto } from './patient-photo';
import { usePatientRecord } from './patient-record';
import { PatientForm } from './PatientForm';
import { useTranslation } from '../../i18n';

/** The registration form over an existing record; saving sends the updatedAt it was loaded with. */
export function EditPatientScreen({ patientId }: { patientId: string }) {
  const { t } = useTranslation('patients');
  const { record, error } = usePatientRecord(patientId);
  const show = usePatients((state) => state.show);
  const settings = useClinicSettings((state) => state.settings);
  const { photo } = usePatientPhoto(record && record.id === patientId ? record : null);

  if (error) return <FormMessage error={error} />;
  if (!record || record.id !== patientId || !settings) return <p>{t('EditPatientScreen.openingTheRecord')}</p>;
  if (record.mergedIntoId) return <FormMessage error={t('EditPatientScreen.thisRecordWasMergedInto')} />;

  return (
    <section>
      <PatientBanner record={record} photo={photo} dateFormat={settings.dateFormat} />
      <h1>{t('EditPatientScreen.editPatient')}</h1>
      <PatientForm
        // A new load of the record (someone else's change) starts the form afresh.
        key={record.updatedAt}
        record={record}
        initial={formFromRecord(record, settings.dateFormat)}
        dateFormat={settings.dateFormat}
        label={t('EditPatientScreen.editPatient')}
        submitLabel={t('EditPatientScreen.saveChanges')}
        cancelHref={`#/patients/${record.id}`}
        save={(values, notDuplicateOf) =>
          call('patients.update', updateInputFrom(values, settings.dateFormat, record, notDuplicateOf))
        }
        saved={(saved) => {
          show(saved);
          navigate(`#/patients/${saved.id}`);
        }}
      />
    </section>
  );
}
