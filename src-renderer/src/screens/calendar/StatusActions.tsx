import { useState } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';

import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure, useReloadOnChange } from '../../hooks/useProcedure';
import { Trans, useTranslation } from '../../i18n';
import { appointmentStatusLabel, visitStatusLabel } from '../../i18n/labels';

/**
 * The appointment's status actions, as main allows them now (`appointments.statusMoves`, the rules
 * setStatus enforces): confirm, no-show and the undo of the newest of these; "Check in" on the day, which
 * opens the same check-in review as the Check-in screen (one arrival: `visits.checkIn`, a visit on the
 * board); once the patient is here, where they are on the board and the board's own undo.
 */
export function StatusActions({
  appointment,
  onChanged,
}: {
  appointment: AppointmentView;
  onChanged: (view: AppointmentView, message: string) => void;
}) {
  const { t } = useTranslation('calendar');
  const read = useProcedure('appointments.statusMoves', { appointmentId: appointment.id });
  // The moves open depend on the appointment as it now is: read again when it changes, and the buttons
  // wait for that answer (the moves of the version before would be refused or undo what was just done).
  useReloadOnChange(`${appointment.updatedAt}:${appointment.status}`, read.reload);
  const allowed = read.value;
  const [busy, setBusy] = useState(false);
  const [moveError, setError] = useState<string | null>(null);
  const error = moveError ?? read.error?.message ?? null;

  if (!allowed) return null;

  async function run(change: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, done: string) {
    setBusy(true);
    setError(null);
    const result = await change();
    if (!result.ok) {
      setBusy(false);
      return setError(result.error.message);
    }
    const fresh = await call('appointments.get', { appointmentId: appointment.id });
    setBusy(false);
    if (fresh.ok)
      onChanged(
        fresh.value,
        t('StatusActions.isNow', {
          done,
          patientName: fresh.value.patientName,
          status: appointmentStatusLabel(fresh.value.status),
        }),
      );
    else setError(fresh.error.message);
  }

  const { moves, canCheckIn, visit } = allowed;
  if (moves.length === 0 && !canCheckIn && !visit) return null;
  return (
    <div className="cal-status-actions" role="group" aria-label={t('StatusActions.changeStatus')}>
      {canCheckIn && (
        // The same review as the Check-in screen (insurance, consents, alerts), opened there on this appointment.
        <button type="button" className="primary" onClick={() => (window.location.hash = `#/today/${appointment.id}`)}>
          {t('StatusActions.checkIn')}
        </button>
      )}
      {visit && (
        <p className="cal-visit-state">
          <Trans
            t={t}
            i18nKey="StatusActions.onTheFlowBoardOpen"
            values={{ visitStatus: visitStatusLabel(visit.status) }}
            components={{ strong: <strong />, a: <a href="#/board" /> }}
          />
        </p>
      )}
      {visit?.undoLabel && (
        <button
          type="button"
          disabled={busy || read.loading}
          onClick={() =>
            void run(
              () => call('visits.undo', { visitId: visit.id, expectedLastEventId: visit.lastEventId }),
              visit.undoLabel ?? t('StatusActions.undo'),
            )
          }
        >
          {visit.undoLabel}
        </button>
      )}
      {moves.map((move) => (
        <button
          key={`${move.to}-${move.label}`}
          type="button"
          className={move.to === 'no_show' ? 'danger-outline' : ''}
          disabled={busy || read.loading}
          onClick={() =>
            void run(
              () =>
                call('appointments.setStatus', {
                  appointmentId: appointment.id,
                  status: move.to,
                  expectedUpdatedAt: appointment.updatedAt,
                }),
              move.label,
            )
          }
        >
          {move.label}
        </button>
      ))}
      <FormMessage error={error} />
    </div>
  );
}
