import { useEffect, useRef, useState } from 'react';
import { bridge } from '../../api';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useSession } from '../../stores/session';

/**
 * One polite live region for the pushed changes a person at the desk should hear about without
 * looking: a patient arrived (at any desk), and a booking refused after a sync (another desk's booking
 * clashes with one here and waits in Conflicts, or the server refused this desk's booking). Other pushed
 * changes refresh their screens silently. Lives in the frame, so every screen has it. What was there
 * when the frame opened is not announced: only what changes while it is open.
 */
export function LiveAnnouncer() {
  const { t } = useTranslation('frame');
  const canRead = useSession((state) => state.can('appointments:read'));
  const [message, setMessage] = useState('');
  const [arrived, setArrived] = useState<{ visitId: string; count: number } | null>(null);

  // The event names the visits only (no patient data): the name is read for the first of them.
  useEffect(
    () =>
      bridge.on('visits.changed', ({ visitIds, action }) => {
        const [first] = visitIds;
        if (action === 'arrived' && first) setArrived({ visitId: first, count: visitIds.length });
      }),
    [],
  );
  const visit = useProcedure('visits.get', canRead && arrived ? { visitId: arrived.visitId } : null).value;
  const conflicts = useProcedure('conflicts.list', {}, { refreshOn: { 'conflicts.changed': (e) => e.found > 0 } });
  const sync = useProcedure('sync.status', {}, { refreshOn: { 'sync.changed': true } }).value;

  /** A repeated message is still announced: the region is emptied first, then filled. */
  const say = useRef((text: string) => {
    setMessage('');
    setTimeout(() => setMessage(text), 50);
  }).current;

  useEffect(() => {
    if (!arrived || !visit || visit.id !== arrived.visitId) return;
    const text = t('live.arrived', { name: visit.patientName, ticket: visit.ticket });
    say(arrived.count > 1 ? `${text} ${t('live.andOthers', { count: arrived.count - 1 })}` : text);
  }, [arrived, visit, say, t]);

  const clashesSeen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const open = (conflicts.value ?? []).filter((each) => each.kind === 'double_booking' && !each.resolved);
    if (!conflicts.value) return;
    const seen = clashesSeen.current;
    clashesSeen.current = new Set(open.map((each) => each.id));
    if (!seen) return;
    const fresh = open.filter((each) => !seen.has(each.id));
    if (fresh.length === 0) return;
    const names = fresh.map((each) => [each.first.name, each.second.name].filter(Boolean).join(' / ')).join(', ');
    say(t('live.bookingClash', { count: fresh.length, names }));
  }, [conflicts.value, say, t]);

  const rejectedSeen = useRef<number | null>(null);
  useEffect(() => {
    if (!sync) return;
    const before = rejectedSeen.current;
    rejectedSeen.current = sync.rejectedCount;
    if (before === null || sync.rejectedCount <= before) return;
    const fresh = sync.rejected.slice(-(sync.rejectedCount - before));
    const bookings = fresh.filter((change) => change.table === 'appointments');
    const last = bookings[bookings.length - 1];
    if (last) say(t('live.bookingRefused', { count: bookings.length, reason: last.reason }));
  }, [sync, say, t]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {message}
    </div>
  );
}
