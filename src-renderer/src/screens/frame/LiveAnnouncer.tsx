import { useEffect, useRef, useState } from 'react';
import { bridge, call } from '../../api';
import { useTranslation } from '../../i18n';
import { useSession } from '../../stores/session';

/**
 * One polite live region for the pushed changes a person at the desk should hear about without
 * looking: a patient arrived (at any desk), and a booking refused after a sync (the server refused
 * this desk's booking, or another desk's booking clashes with one here and waits in Conflicts).
 * Other pushed changes refresh their screens silently. Lives in the frame, so every screen has it.
 */
export function LiveAnnouncer() {
  const { t } = useTranslation('frame');
  const [message, setMessage] = useState('');
  const can = useSession((state) => state.can);
  const canRead = can('appointments:read');
  /** The refusals already announced (or there when the frame opened): only new ones are said. */
  const rejectedSeen = useRef<number | null>(null);

  useEffect(() => {
    if (!canRead) return;
    let live = true;
    // A repeated message is still announced: the region is emptied first, then filled.
    const say = (text: string) => {
      setMessage('');
      setTimeout(() => {
        if (live) setMessage(text);
      }, 50);
    };
    void call('sync.status', {}).then((status) => {
      if (status.ok && rejectedSeen.current === null) rejectedSeen.current = status.value.rejectedCount;
    });

    const offVisits = bridge.on('visits.changed', ({ visitIds, action }) => {
      if (action !== 'arrived') return;
      void Promise.all(visitIds.map((visitId) => call('visits.get', { visitId }))).then((results) => {
        const names = results.flatMap((result) => (result.ok ? [result.value] : []));
        if (names.length === 0) return say(t('live.someoneArrived'));
        say(names.map((visit) => t('live.arrived', { name: visit.patientName, ticket: visit.ticket })).join(' '));
      });
    });
    const offConflicts = bridge.on('conflicts.changed', ({ found }) => {
      if (found === 0) return;
      void call('conflicts.list', {}).then((result) => {
        if (!result.ok) return;
        const clashes = result.value.filter((conflict) => conflict.kind === 'double_booking').slice(0, found);
        if (clashes.length === 0) return;
        say(
          t('live.bookingClash', {
            count: clashes.length,
            names: clashes.map((clash) => [clash.first.name, clash.second.name].filter(Boolean).join(' / ')).join(', '),
          }),
        );
      });
    });
    const offSync = bridge.on('sync.changed', () => {
      void call('sync.status', {}).then((result) => {
        if (!result.ok) return;
        const before = rejectedSeen.current ?? result.value.rejectedCount;
        rejectedSeen.current = result.value.rejectedCount;
        const fresh = result.value.rejected.slice(
          Math.max(0, result.value.rejected.length - (result.value.rejectedCount - before)),
        );
        const bookings = fresh.filter((change) => change.table === 'appointments');
        if (bookings.length > 0)
          say(
            t('live.bookingRefused', { count: bookings.length, reason: bookings[bookings.length - 1]?.reason ?? '' }),
          );
      });
    });
    return () => {
      live = false;
      offVisits();
      offConflicts();
      offSync();
    };
  }, [canRead, t]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {message}
    </div>
  );
}
