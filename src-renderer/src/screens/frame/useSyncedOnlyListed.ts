import { useProcedure } from '../../hooks/useProcedure';

/** Whether the areas only a syncing desk needs belong in the menu (`RouteDef.syncedOnly`). */
export function useSyncedOnlyListed(): boolean {
  const sync = useProcedure('sync.status', {}, { refreshOn: { 'sync.changed': true } });
  const standalone = sync.value?.enrolled === false;
  const conflicts = useProcedure('conflicts.list', standalone ? {} : null, {
    refreshOn: { 'conflicts.changed': true },
  });
  return !standalone || (conflicts.value?.length ?? 0) > 0;
}
