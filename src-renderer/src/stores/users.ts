import type { UserSummary } from '../../../src-shared/api/areas/users';
import { call } from '../api';
import { createResettableStore } from './resettable';

interface UsersState {
  users: UserSummary[];
  error: string | null;
  load: () => Promise<void>;
  replace: (user: UserSummary) => void;
}

export const useUsers = createResettableStore<UsersState>((set, get) => ({
  users: [],
  error: null,
  async load() {
    const result = await call('users.list', {});
    set(result.ok ? { users: result.value, error: null } : { error: result.error.message });
  },
  replace(user) {
    const others = get().users.filter((existing) => existing.id !== user.id);
    set({ users: [...others, user].sort((a, b) => a.displayName.localeCompare(b.displayName)) });
  },
}));
