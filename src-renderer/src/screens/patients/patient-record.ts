import { useRef } from 'react';
import type { PatientRecord } from '../../../../src-shared/patients/model';
import { useProcedure } from '../../hooks/useProcedure';
import { usePatients } from '../../stores/patients';

/**
 * The record a patient screen shows: read when opened, or the answer to a save made since, so a card
 * that saves puts its change on screen without reading the record again. Which is later counts, not
 * `updatedAt`: an un-merge gives back the record exactly as it was, older stamp included.
 */
export function usePatientRecord(patientId: string): { record: PatientRecord | null; error: string | null } {
  const read = useProcedure(
    'patients.get',
    { patientId },
    { refreshOn: { 'patients.changed': (event) => event.patientIds.includes(patientId) } },
  );
  const saved = usePatients((state) => state.saved);
  const fresh = read.stale ? null : read.value;
  // The read answer on screen when the last save arrived: a different one has been read since.
  const seen = useRef({ saved, readThen: fresh });
  if (seen.current.saved !== saved) seen.current = { saved, readThen: fresh };
  const mine = saved && saved.id === patientId ? saved : null;
  const record = mine && fresh === seen.current.readThen ? mine : fresh;
  return { record, error: record ? null : (read.error?.message ?? null) };
}
