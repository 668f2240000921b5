import { useId, useState, type SyntheticEvent } from 'react';
import type { Input } from '../../../../src-shared/api/contract';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { PatientPicker } from '../../components/PatientPicker';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';
import { roleLabel } from './task-labels';
import { EMPTY_TASK, TaskFieldsEditor, taskInput, type TaskDraft } from './TaskFieldsEditor';

// The fields on screen; a refusal about a fixed subject (the appointment) shows under the form instead.
const SHOWN = ['title', 'details', 'assigneeUserId', 'assigneeRole', 'dueDate', 'dueTime', 'priority'];

/**
 * What a task made from somewhere is already about (an appointment's panel, a conflict): shown as fixed
 * text, not a picker, since the place it opened from chose it.
 */
export interface TaskSubject {
  patientId?: string;
  appointmentId?: string;
  /** How the subject reads ("Ada Lovelace, Tue 3 Dec 09:00"). */
  label: string;
  /** A title to start from ("Call back about …"). */
  title?: string;
}

/** "New task": what, for whom, by when, how urgent, and (optionally) which patient it is about. */
export function NewTaskForm({
  onCreated,
  about,
  compact = false,
}: {
  onCreated: () => void;
  about?: TaskSubject;
  /** Inside another panel (an appointment's, a conflict's row): no card of its own. */
  compact?: boolean;
}) {
  const { t } = useTranslation('tasks');
  const headingId = useId();
  const start: TaskDraft = { ...EMPTY_TASK, title: about?.title ?? '' };
  const [draft, setDraft] = useState<TaskDraft>(start);
  const [patient, setPatient] = useState<PatientSearchRow | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subject = about
    ? {
        ...(about.patientId ? { patientId: about.patientId } : {}),
        ...(about.appointmentId ? { appointmentId: about.appointmentId } : {}),
      }
    : patient
      ? { patientId: patient.id }
      : {};
  const shown = about ? SHOWN : [...SHOWN, 'patientId'];
  const input = (): Input<'tasks.create'> => ({ ...taskInput(draft), ...subject });
  const problems = () => draftProblems('tasks.create', input());
  const errors = useFormErrors({ ...draft, patientId: patient?.id ?? null }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setCreated(null);
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, shown);
    setBusy(true);
    const result = await call('tasks.create', input());
    setBusy(false);
    if (!result.ok) return errors.show(result.error, shown);
    const task = result.value;
    const assignee = task.assigneeRole ? roleLabel(task.assigneeRole) : task.assigneeName;
    setCreated(t('TaskForm.created', { title: task.title, assignee }));
    setDraft(start);
    setPatient(null);
    onCreated();
  }

  return (
    <form
      className={compact ? 'desk-work-task' : 'card wide'}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h2 id={headingId}>{t('TaskForm.newTask')}</h2>
      {about && (
        <p className="task-about">
          <span className="muted">{t('TaskForm.about')}</span> {about.label}
        </p>
      )}
      <TaskFieldsEditor draft={draft} onChange={setDraft} errors={errors.errors.fields} />
      {!about && (
        <PatientPicker idPrefix="task" patient={patient} onChange={setPatient} error={errors.errors.fields.patientId} />
      )}
      <FormMessage error={errors.errors.form} success={created} />
      <button type="submit" className="primary" disabled={busy}>
        {t('TaskForm.create')}
      </button>
    </form>
  );
}
