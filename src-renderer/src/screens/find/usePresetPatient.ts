import { useEffect, useState } from 'react';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { useTranslation } from '../../i18n';

/**
 * The patient a link chose ahead (a follow-up from the board, Book from the patient's page), as the
 * row the patient picker shows: read by id, then found by MRN so the row is the search's own.
 */
export function usePresetPatient(patientId: string | null): { patient: PatientSearchRow | null; error: string | null } {
  const { t } = useTranslation('find');
  const [found, setFound] = useState<{ id: string; patient: PatientSearchRow | null; error: string | null } | null>(
    null,
  );
  useEffect(() => {
    if (!patientId) return;
    let current = true;
    void (async () => {
      const record = await call('patients.get', { patientId });
      if (!record.ok) return current && setFound({ id: patientId, patient: null, error: record.error.message });
      const rows = await call('patients.search', { query: record.value.mrn, limit: 5 });
      const row = rows.ok ? rows.value.find((candidate) => candidate.id === patientId) : undefined;
      if (current)
        setFound({
          id: patientId,
          patient: row ?? null,
          error: row ? null : t('usePresetPatient.thisPatientCouldNotBe'),
        });
    })();
    return () => {
      current = false;
    };
  }, [patientId]);
  return found?.id === patientId ? { patient: found.patient, error: found.error } : { patient: null, error: null };
}
