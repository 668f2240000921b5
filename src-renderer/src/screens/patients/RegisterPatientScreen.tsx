import { call } from '../../api';
import { navigate } from '../../hooks/navigation';
import { useClinicSettings } from '../../stores/clinic-settings';
import { usePatients } from '../../stores/patients';
import { createInputFrom, EMPTY_FORM } from './patient-form';
import { PatientForm } from './PatientForm';
import { useTranslation } from '../../i18n';

export function RegisterPatientScreen() {
  const { t } = useTranslation('patients');
  const settings = useClinicSettings((state) => state.settings);
  const show = usePatients((state) => state.show);

  const dateFormat = settings?.dateFormat ?? 'YYYY-MM-DD';
  return (
    <section>
      <h1>{t('RegisterPatientScreen.registerPatient')}</h1>
      <PatientForm
        record={null}
        initial={EMPTY_FORM}
        dateFormat={dateFormat}
        label={t('RegisterPatientScreen.registerPatient')}
        submitLabel={t('RegisterPatientScreen.registerPatient')}
        cancelHref="#/patients"
        save={(values, notDuplicateOf) => call('patients.create', createInputFrom(values, dateFormat, notDuplicateOf))}
        saved={(record) => {
          show(record);
          navigate(`#/patients/${record.id}`);
        }}
      />
    </section>
  );
}
