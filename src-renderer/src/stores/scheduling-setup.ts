import { createResettableStore } from './resettable';

interface SetupChoiceState {
  /** The provider the weekly hours and time off sections show (shared, so switching section keeps it). */
  providerId: string;
  chooseProvider: (providerId: string) => void;
}

/** What the manager chose on the Scheduling set-up screen; the lists themselves are read by the screen. */
export const useSetupChoice = createResettableStore<SetupChoiceState>((set) => ({
  providerId: '',
  chooseProvider(providerId) {
    set({ providerId });
  },
}));
