import { useState, type SyntheticEvent } from 'react';
import type { TaskView } from '../../../../src-shared/tasks/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useTranslation } from '../../i18n';

/** Cancelling a task asks why (main refuses a cancel without a reason); the reason shows in the closed list. */
export function CancelTaskForm({
  task,
  onCancelled,
  onKeep,
}: {
  task: TaskView;
  onCancelled: (said: string) => void;
  onKeep: () => void;
}) {
  const { t } = useTranslation('tasks');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const problems = () => draftProblems('tasks.cancel', { taskId: task.id, reason });
  const errors = useFormErrors({ reason }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['reason']);
    setBusy(true);
    const result = await call('tasks.cancel', { taskId: task.id, reason });
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['reason']);
    onCancelled(t('TaskList.cancelled', { title: task.title }));
  }

  return (
    <form noValidate aria-label={t('TaskList.cancel', { title: task.title })} onSubmit={(event) => void submit(event)}>
      <Field
        label={t('TaskList.cancelReason', { title: task.title })}
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
        error={errors.errors.fields.reason}
      />
      <FormMessage error={errors.errors.form} />
      <button type="submit" disabled={busy}>
        {t('TaskList.confirmCancel')}
      </button>{' '}
      <button type="button" onClick={onKeep}>
        {t('TaskList.keepTask')}
      </button>
    </form>
  );
}
