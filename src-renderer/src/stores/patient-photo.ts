import type { PatientPhoto } from '../../../src-shared/patients/model';
import { call } from '../api';
import { createResettableStore } from './resettable';

interface PatientPhotoState {
  /** The photo shown for `patientId` (null: none on file). Wiped on lock like every patient datum. */
  patientId: string | null;
  photo: PatientPhoto | null;
  load: (patientId: string) => Promise<void>;
  shown: (patientId: string, photo: PatientPhoto | null) => void;
}

let latest = 0;

export const usePatientPhoto = createResettableStore<PatientPhotoState>((set) => ({
  patientId: null,
  photo: null,
  async load(patientId) {
    const ticket = ++latest;
    const result = await call('patients.photo', { patientId });
    if (ticket !== latest) return;
    set({ patientId, photo: result.ok ? result.value : null });
  },
  shown(patientId, photo) {
    latest += 1;
    set({ patientId, photo });
  },
}));

export function photoSource(photo: PatientPhoto): string {
  return `data:${photo.mimeType};base64,${photo.contentBase64}`;
}
