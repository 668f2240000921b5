import type { AppointmentView } from '../../../src-shared/scheduling/model';
import { createResettableStore } from './resettable';

/** Where a cancelled or moved appointment was: the time the waitlist may now be offered. */
export interface FreedSlot {
  providerId: string;
  locationId: string;
  start: number;
  date: string;
  time: string;
  /** The patient who gave it up is not offered it back. */
  patientId: string;
}

interface WaitlistOffersState {
  freed: FreedSlot | null;
  /** Call with the appointment as it was before it was cancelled or moved. */
  show: (before: AppointmentView) => void;
  dismiss: () => void;
}

/** Outlives the appointment panel (which closes on cancel), so the offers stay on screen. */
export const useWaitlistOffers = createResettableStore<WaitlistOffersState>((set) => ({
  freed: null,
  show: (before) =>
    set({
      freed: {
        providerId: before.providerId,
        locationId: before.locationId,
        start: before.start,
        date: before.date,
        time: before.startTime,
        patientId: before.patientId,
      },
    }),
  dismiss: () => set({ freed: null }),
}));
