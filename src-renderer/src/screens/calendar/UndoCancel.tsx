import { useState } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { useTranslation } from '../../i18n';

/**
 * Beside "Cancelled …": **Undo cancel** takes it back (main refuses when the time was booked since, or
 * something newer happened to the appointment) and says what came of it in the same place.
 */
export function UndoCancel({
  cancelled,
  onUndone,
}: {
  cancelled: AppointmentView;
  onUndone: (view: AppointmentView) => void;
}) {
  const { t } = useTranslation('calendar');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function undo() {
    setBusy(true);
    setRefusal(null);
    const result = await call('appointments.undoCancel', {
      appointmentId: cancelled.id,
      expectedUpdatedAt: cancelled.updatedAt,
    });
    setBusy(false);
    if (!result.ok) return setRefusal(result.error.message);
    onUndone(result.value);
  }

  return (
    <div className="undo-cancel">
      <button type="button" disabled={busy} onClick={() => void undo()}>
        {busy ? t('UndoCancel.undoing') : t('UndoCancel.undoCancel')}
      </button>
      {refusal && (
        <span role="alert" className="field-error">
          {t('UndoCancel.notUndone', { reason: refusal })}
        </span>
      )}
    </div>
  );
}
