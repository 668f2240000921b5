import type { PatientPhoto, PatientRecord } from '../../../../src-shared/patients/model';
import { useProcedure, useReloadOnChange } from '../../hooks/useProcedure';

/**
 * The photo shown in a patient's banner. Read again when the record changes (a merge or un-merge can
 * bring or take a photo) and, through `reload`, after the photo card saves one.
 */
export function usePatientPhoto(record: PatientRecord | null): { photo: PatientPhoto | null; reload: () => void } {
  const read = useProcedure('patients.photo', record ? { patientId: record.id } : null, {
    refreshOn: { 'patients.changed': (event) => record !== null && event.patientIds.includes(record.id) },
  });
  useReloadOnChange(record?.updatedAt, read.reload);
  // Another patient's photo, kept while this one's is read, is never shown.
  return { photo: read.stale ? null : read.value, reload: read.reload };
}

export function photoSource(photo: PatientPhoto): string {
  return `data:${photo.mimeType};base64,${photo.contentBase64}`;
}
