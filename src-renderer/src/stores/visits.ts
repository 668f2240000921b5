import type { VisitBoard, VisitSettings } from '../../../src-shared/visits/model';
import { call } from '../api';
import { createResettableStore } from './resettable';

interface VisitsState {
  board: VisitBoard | null;
  /** Date.now() in this window when the board arrived: times tick on from the server's `now`. */
  loadedAt: number;
  settings: VisitSettings | null;
  error: string | null;
  load: () => Promise<void>;
  loadSettings: () => Promise<void>;
}

let latest = 0;

/** Today's flow board. Holds patient names, so it is wiped on lock and sign-out. */
export const useVisits = createResettableStore<VisitsState>((set) => ({
  board: null,
  loadedAt: 0,
  settings: null,
  error: null,
  async load() {
    const ticket = ++latest;
    const result = await call('visits.board', {});
    // Events can arrive faster than boards load: only the newest answer is shown.
    if (ticket !== latest) return;
    set(result.ok ? { board: result.value, loadedAt: Date.now(), error: null } : { error: result.error.message });
  },
  async loadSettings() {
    const result = await call('visits.settings', {});
    if (result.ok) set({ settings: result.value });
  },
}));
