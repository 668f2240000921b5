import type { PatientRecord, PatientSearchRow } from '../../../src-shared/patients/model';
import { call } from '../api';
import { createResettableStore } from './resettable';

interface PatientsState {
  query: string;
  results: PatientSearchRow[];
  searching: boolean;
  error: string | null;
  record: PatientRecord | null;
  search: (query: string) => Promise<void>;
  open: (patientId: string) => Promise<void>;
  show: (record: PatientRecord) => void;
}

let latest = 0;

/** Patient data on screen. Wiped on lock and sign-out like every resettable store. */
export const usePatients = createResettableStore<PatientsState>((set) => ({
  query: '',
  results: [],
  searching: false,
  error: null,
  record: null,
  async search(query) {
    const ticket = ++latest;
    set({ query, searching: true });
    if (query.trim() === '') return set({ results: [], searching: false, error: null });
    const result = await call('patients.search', { query, limit: 20 });
    // Answers can arrive out of order while typing: only the newest query's answer is shown.
    if (ticket !== latest) return;
    set(
      result.ok
        ? { results: result.value, searching: false, error: null }
        : { searching: false, error: result.error.message },
    );
  },
  async open(patientId) {
    set({ record: null, error: null });
    const result = await call('patients.get', { patientId });
    set(result.ok ? { record: result.value } : { error: result.error.message });
  },
  show(record) {
    set({ record });
  },
}));
