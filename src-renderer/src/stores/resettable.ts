import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

const resets = new Set<() => void>();

/** A store whose data is wiped when the screen locks or the user signs out. */
export function createResettableStore<T extends object>(initializer: StateCreator<T>): UseBoundStore<StoreApi<T>> {
  const store = create<T>()(initializer);
  const initial = store.getState();
  resets.add(() => store.setState(initial, true));
  return store;
}

export function resetDataStores(): void {
  for (const reset of resets) reset();
}

/** Runs `reset` on lock and sign-out too: for data kept outside a store (a read cache). */
export function onDataReset(reset: () => void): void {
  resets.add(reset);
}
