import { useHashDetail } from '../../hooks/useHashRoute';
import { useSession } from '../../stores/session';
import { Refusal } from '../../components/Refusal';
import { DuplicateReviewScreen } from './DuplicateReviewScreen';
import { EditPatientScreen } from './EditPatientScreen';
import { MergeScreen } from './MergeScreen';
import { PatientSearchScreen } from './PatientSearchScreen';
import { PatientSummaryScreen } from './PatientSummaryScreen';
import { RegisterPatientScreen } from './RegisterPatientScreen';

/**
 * `#/patients` search, `/new` registration, `/duplicates` the manager's review, `/merge/<a>/<b>` a
 * merge, `/<id>` the summary and `/<id>/edit` editing.
 */
export function PatientsScreen() {
  const detail = useHashDetail();
  const canWrite = useSession((state) => state.can('patients:write'));
  const canMerge = useSession((state) => state.can('patients:merge'));
  const [first = '', second = '', third = ''] = detail.split('/');
  if (detail === '') return <PatientSearchScreen />;
  if (first === 'new') return canWrite ? <RegisterPatientScreen /> : <Refusal area="patient registration" />;
  if (first === 'duplicates') return canMerge ? <DuplicateReviewScreen /> : <Refusal area="the duplicate review" />;
  if (first === 'merge')
    return canMerge ? <MergeScreen key={detail} aId={second} bId={third} /> : <Refusal area="merging records" />;
  if (second === 'edit')
    return canWrite ? <EditPatientScreen patientId={first} /> : <Refusal area="editing patients" />;
  return <PatientSummaryScreen patientId={first} />;
}
