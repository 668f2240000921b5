import { useProcedure } from '../../hooks/useProcedure';
import type { RouteDef } from './routes';

/**
 * Whether an area belongs in the menu on this desk: those only a syncing desk needs
 * (`RouteDef.syncedOnly`) once it is connected or holds conflicts, those that ask the server
 * (`RouteDef.enrolledOnly`) only while it is connected.
 */
export function useSyncedOnlyListed(): (route: RouteDef) => boolean {
  const sync = useProcedure('sync.status', {}, { refreshOn: { 'sync.changed': true } });
  const enrolled = sync.value?.enrolled === true;
  const standalone = sync.value?.enrolled === false;
  const conflicts = useProcedure('conflicts.list', standalone ? {} : null, {
    refreshOn: { 'conflicts.changed': true },
  });
  const synced = !standalone || (conflicts.value?.length ?? 0) > 0;
  return (route) => (!route.syncedOnly || synced) && (!route.enrolledOnly || enrolled);
}
