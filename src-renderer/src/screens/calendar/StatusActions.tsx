import { useEffect, useState } from 'react';
import type { AppointmentStatusMoves, AppointmentView } from '../../../../src-shared/scheduling/model';
import { STATUS_LABELS } from '../../../../src-shared/scheduling/status';
import { VISIT_STATUS_LABELS } from '../../../../src-shared/visits/status';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';

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
  const [allowed, setAllowed] = useState<AppointmentStatusMoves | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void call('appointments.statusMoves', { appointmentId: appointment.id }).then((result) => {
      if (!current) return;
      if (result.ok) setAllowed(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [appointment.id, appointment.updatedAt, appointment.status]);

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
      onChanged(fresh.value, `${done}: ${fresh.value.patientName} is now ${STATUS_LABELS[fresh.value.status]}.`);
    else setError(fresh.error.message);
  }

  const { moves, canCheckIn, visit } = allowed;
  if (moves.length === 0 && !canCheckIn && !visit) return null;
  return (
    <div className="cal-status-actions" role="group" aria-label="Change status">
      {canCheckIn && (
        // The same review as the Check-in screen (insurance, consents, alerts), opened there on this appointment.
        <button type="button" className="primary" onClick={() => (window.location.hash = `#/today/${appointment.id}`)}>
          Check in
        </button>
      )}
      {visit && (
        <p className="cal-visit-state">
          On the flow board: <strong>{VISIT_STATUS_LABELS[visit.status]}</strong>{' '}
          <a href="#/board">Open the flow board</a>
        </p>
      )}
      {visit?.undoLabel && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              () => call('visits.undo', { visitId: visit.id, expectedLastEventId: visit.lastEventId }),
              visit.undoLabel ?? 'Undo',
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
          disabled={busy}
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
