import { useState } from 'react';
import { useSession } from '../../stores/session';
import { useTranslation } from '../../i18n';
import { LogContactForm } from './LogContactForm';
import { NewTaskForm, type TaskSubject } from './NewTaskForm';
import './tasks.css';

/**
 * "Log a call" and "New task" where a desk works on something else (an appointment's panel, a conflict):
 * the same forms as the patient's page and the Tasks screen, already about that patient or appointment.
 * One form open at a time; each button shows only to those allowed to use it.
 */
export function DeskWorkActions({
  subject,
  logCall = true,
}: {
  subject: TaskSubject;
  /** Whether "Log a call" is offered (a conflict has no call to log). */
  logCall?: boolean;
}) {
  const { t } = useTranslation('tasks');
  const canLog = useSession((state) => state.can('comms:write'));
  const canTask = useSession((state) => state.can('tasks:team'));
  const [open, setOpen] = useState<'call' | 'task' | null>(null);
  const showCall = logCall && canLog && subject.patientId !== undefined;
  if (!showCall && !canTask) return null;
  const toggle = (which: 'call' | 'task') => setOpen(open === which ? null : which);
  return (
    <div className="desk-work">
      <div className="desk-work-buttons">
        {showCall && (
          <button type="button" aria-expanded={open === 'call'} onClick={() => toggle('call')}>
            {t('DeskWork.logCall')}
          </button>
        )}
        {canTask && (
          <button type="button" aria-expanded={open === 'task'} onClick={() => toggle('task')}>
            {t('DeskWork.newTask')}
          </button>
        )}
      </div>
      {open === 'call' && subject.patientId !== undefined && (
        <LogContactForm
          patientId={subject.patientId}
          initial={{ direction: 'out', ...(subject.appointmentId ? { appointmentId: subject.appointmentId } : {}) }}
          onLogged={() => undefined}
        />
      )}
      {open === 'task' && <NewTaskForm about={subject} compact onCreated={() => undefined} />}
    </div>
  );
}
