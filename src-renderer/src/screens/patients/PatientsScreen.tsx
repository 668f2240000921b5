import { useHashDetail } from '../../hooks/useHashRoute';
import { useSession } from '../../stores/session';
import { Refusal } from '../../components/Refusal';
import { DuplicateReviewScreen } from './DuplicateReviewScreen';
import { EditPatientScreen } from './EditPatientScreen';
import { MergeScreen } from './MergeScreen';
import { PatientSearchScreen } from './PatientSearchScreen';
import { PatientSummaryScreen } from './PatientSummaryScreen';
import { RegisterPatientScreen } from './RegisterPatientScreen';
import { useTranslation } from '../../i18n';

/**
 * `#/patients` search, `/new` registration, `/duplicates` the manager's review, `/merge/<a>/<b>` a
 * merge, `/<id>` the patient page (`/<id>/<tab>` opened at a section) and `/<id>/edit` editing.
 */
export function PatientsScreen() {
  const { t } = useTranslation('patients');
  const detail = useHashDetail();
  const canWrite = useSession((state) => state.can('patients:write'));
  const canMerge = useSession((state) => state.can('patients:merge'));
  const [first = '', second = '', third = ''] = detail.split('/');
  if (detail === '') return <PatientSearchScreen />;
  if (first === 'new')
    return canWrite ? <RegisterPatientScreen /> : <Refusal area={t('PatientsScreen.patientRegistration')} />;
  if (first === 'duplicates')
    return canMerge ? <DuplicateReviewScreen /> : <Refusal area={t('PatientsScreen.theDuplicateReview')} />;
  if (first === 'merge')
    return canMerge ? (
      <MergeScreen key={detail} aId={second} bId={third} />
    ) : (
      <Refusal area={t('PatientsScreen.mergingRecords')} />
    );
  if (second === 'edit')
    return canWrite ? <EditPatientScreen patientId={first} /> : <Refusal area={t('PatientsScreen.editingPatients')} />;
  return <PatientSummaryScreen key={first} patientId={first} tab={second} />;
}
