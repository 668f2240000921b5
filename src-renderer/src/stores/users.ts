import type { UserSummary } from '../../../src-shared/api/areas/users';
import type { ApiErrorData } from '../../../src-shared/api/errors';
import { call } from '../api';
import { createResettableStore } from './resettable';

interface UsersState {
  users: UserSummary[];
  loaded: boolean;
  error: ApiErrorData | null;
  load: () => Promise<void>;
  replace: (user: UserSummary) => void;
}

const byName = (a: UserSummary, b: UserSummary) => a.displayName.localeCompare(b.displayName);

export const useUsers = createResettableStore<UsersState>((set, get) => ({
  users: [],
  loaded: false,
  error: null,
  async load() {
    const result = await call('users.list', {});
    set(result.ok ? { users: [...result.value].sort(byName), error: null, loaded: true } : { error: result.error });
  },
  replace(user) {
    const others = get().users.filter((existing) => existing.id !== user.id);
    set({ users: [...others, user].sort(byName) });
  },
}));
