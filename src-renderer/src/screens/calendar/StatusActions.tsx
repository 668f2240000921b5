import { useState } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { STATUS_LABELS, STATUS_TRANSITIONS, type AppointmentStatus } from '../../../../src-shared/scheduling/status';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';

/** What the button for moving to a status says. */
const ACTIONS: Record<AppointmentStatus, string> = {
  booked: 'Back to booked',
  confirmed: 'Confirm',
  arrived: 'Mark arrived',
  in_room: 'Into room',
  completed: 'Complete',
  no_show: 'Mark no-show',
  cancelled: 'Cancel',
};

/** The usual order of a visit: a move to an earlier step is an undo. */
const STEP: Partial<Record<AppointmentStatus, number>> = {
  booked: 0,
  confirmed: 1,
  arrived: 2,
  in_room: 3,
  completed: 4,
};

function actionLabel(from: AppointmentStatus, to: AppointmentStatus): string {
  const back = (STEP[to] ?? 0) < (STEP[from] ?? 0);
  return back ? `Back to ${STATUS_LABELS[to]}` : ACTIONS[to];
}

/** A button per status the appointment may move to next (the same table main enforces). */
export function StatusActions({
  appointment,
  onChanged,
}: {
  appointment: AppointmentView;
  onChanged: (view: AppointmentView) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = STATUS_TRANSITIONS[appointment.status];
  if (next.length === 0) return null;

  async function set(status: AppointmentStatus) {
    setBusy(true);
    setError(null);
    const result = await call('appointments.setStatus', {
      appointmentId: appointment.id,
      status,
      expectedUpdatedAt: appointment.updatedAt,
    });
    setBusy(false);
    if (result.ok) onChanged(result.value);
    else setError(result.error.message);
  }

  return (
    <div className="cal-status-actions" role="group" aria-label="Change status">
      {next.map((status) => (
        <button
          key={status}
          type="button"
          className={status === 'no_show' ? 'danger-outline' : ''}
          disabled={busy}
          onClick={() => void set(status)}
        >
          {actionLabel(appointment.status, status)}
        </button>
      ))}
      <FormMessage error={error} />
    </div>
  );
}
