import { useHashDetail } from '../../hooks/useHashRoute';
import { useSession } from '../../stores/session';
import { Refusal } from '../../components/Refusal';
import { PatientSearchScreen } from './PatientSearchScreen';
import { PatientSummaryScreen } from './PatientSummaryScreen';
import { RegisterPatientScreen } from './RegisterPatientScreen';

/** `#/patients` search, `#/patients/new` registration, `#/patients/<id>` summary. */
export function PatientsScreen() {
  const detail = useHashDetail();
  const canWrite = useSession((state) => state.can('patients:write'));
  if (detail === '') return <PatientSearchScreen />;
  if (detail === 'new') return canWrite ? <RegisterPatientScreen /> : <Refusal area="patient registration" />;
  return <PatientSummaryScreen patientId={detail} />;
}
