import { useState, type SyntheticEvent } from 'react';
import type { Input } from '../../../../src-shared/api/contract';
import type { PatientSearchRow } from '../../../../src-shared/patients/model';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { PatientPicker } from '../../components/PatientPicker';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';
import { roleLabel } from './task-labels';
import { EMPTY_TASK, TaskFieldsEditor, taskInput, type TaskDraft } from './TaskFieldsEditor';

const SHOWN = ['title', 'details', 'assigneeUserId', 'assigneeRole', 'dueDate', 'dueTime', 'priority', 'patientId'];

/** "New task": what, for whom, by when, how urgent, and (optionally) which patient it is about. */
export function NewTaskForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('tasks');
  const [draft, setDraft] = useState<TaskDraft>(EMPTY_TASK);
  const [patient, setPatient] = useState<PatientSearchRow | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = (): Input<'tasks.create'> => ({ ...taskInput(draft), ...(patient ? { patientId: patient.id } : {}) });
  const problems = () => draftProblems('tasks.create', input());
  const errors = useFormErrors({ ...draft, patientId: patient?.id ?? null }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setCreated(null);
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, SHOWN);
    setBusy(true);
    const result = await call('tasks.create', input());
    setBusy(false);
    if (!result.ok) return errors.show(result.error, SHOWN);
    const task = result.value;
    const assignee = task.assigneeRole ? roleLabel(task.assigneeRole) : task.assigneeName;
    setCreated(t('TaskForm.created', { title: task.title, assignee }));
    setDraft(EMPTY_TASK);
    setPatient(null);
    onCreated();
  }

  return (
    <form className="card wide" aria-labelledby="task-new-heading" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="task-new-heading">{t('TaskForm.newTask')}</h2>
      <TaskFieldsEditor draft={draft} onChange={setDraft} errors={errors.errors.fields} />
      <PatientPicker idPrefix="task" patient={patient} onChange={setPatient} error={errors.errors.fields.patientId} />
      <FormMessage error={errors.errors.form} success={created} />
      <button type="submit" className="primary" disabled={busy}>
        {t('TaskForm.create')}
      </button>
    </form>
  );
}
