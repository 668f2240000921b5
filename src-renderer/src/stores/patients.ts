import type { PatientRecord } from '../../../src-shared/patients/model';
import { createResettableStore } from './resettable';

interface PatientsState {
  /** What is typed in the patient search box, kept when the user opens a record and comes back. */
  query: string;
  /** The record as a save here last answered it (a write's answer, not a read): shown without reading again. */
  saved: PatientRecord | null;
  setQuery: (query: string) => void;
  show: (record: PatientRecord) => void;
}

/** Patient data on screen. Wiped on lock and sign-out like every resettable store. */
export const usePatients = createResettableStore<PatientsState>((set) => ({
  query: '',
  saved: null,
  setQuery(query) {
    set({ query });
  },
  show(record) {
    set({ saved: record });
  },
}));
