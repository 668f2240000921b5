import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { TextAreaField } from '../../components/Field';
import { formatDateTime } from '../../format/datetime';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useClinicClock } from '../../stores/clinic-settings';

/** A task's comments, oldest first, and a box to add one; re-read when the task changes anywhere. */
export function TaskComments({ taskId }: { taskId: string }) {
  const { t } = useTranslation('tasks');
  const clock = useClinicClock();
  const read = useProcedure(
    'tasks.get',
    { taskId },
    { refreshOn: { 'tasks.changed': (event) => event.taskIds.includes(taskId) } },
  );
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors({ body });
  const comments = read.value?.comments ?? [];

  async function add(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setBusy(true);
    const result = await call('tasks.comment', { taskId, body });
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['body']);
    setBody('');
    read.reload();
  }

  return (
    <div className="task-comments">
      <h3>{t('TaskComments.comments')}</h3>
      <ErrorMessage error={read.error} area={t('TaskComments.comments')} />
      {read.value && comments.length === 0 && <p className="muted">{t('TaskComments.none')}</p>}
      <ul className="plain">
        {comments.map((comment) => (
          <li key={comment.id}>
            <div>{comment.body}</div>
            <div className="muted">
              {t('TaskComments.byAt', {
                name: comment.byName ?? t('TaskComments.someone'),
                when: formatDateTime(comment.at, clock),
              })}
            </div>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={(event) => void add(event)}>
        <TextAreaField
          label={t('TaskComments.comment')}
          value={body}
          rows={2}
          maxLength={2000}
          onChange={(event) => setBody(event.target.value)}
          error={errors.errors.fields.body}
        />
        <FormMessage error={errors.errors.form} />
        <button type="submit" disabled={busy}>
          {t('TaskComments.add')}
        </button>
      </form>
    </div>
  );
}
