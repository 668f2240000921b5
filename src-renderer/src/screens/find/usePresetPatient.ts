import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';

/**
 * The patient a link chose ahead (a follow-up from the board, Book from the patient's page), as the
 * row the patient picker shows: read by id, then found by MRN so the row is the search's own.
 */
export function usePresetPatient(patientId: string | null): { patient: PatientSearchRow | null; error: string | null } {
  const { t } = useTranslation('find');
  const record = useProcedure('patients.get', patientId ? { patientId } : null);
  const mrn = record.value && !record.stale && record.value.id === patientId ? record.value.mrn : null;
  const rows = useProcedure('patients.search', mrn ? { query: mrn, limit: 5 } : null);
  if (!patientId) return { patient: null, error: null };
  if (record.error && !record.stale) return { patient: null, error: record.error.message };
  if (!mrn || rows.stale || (!rows.value && !rows.error)) return { patient: null, error: null };
  const row = rows.value?.find((candidate) => candidate.id === patientId);
  return row ? { patient: row, error: null } : { patient: null, error: t('usePresetPatient.thisPatientCouldNotBe') };
}
