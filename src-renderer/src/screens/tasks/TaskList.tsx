import { Fragment, useState } from 'react';
import type { TaskView } from '../../../../src-shared/tasks/model';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { formatDate } from '../../format/datetime';
import { useTranslation } from '../../i18n';
import { useClinicClock } from '../../stores/clinic-settings';
import { dueWord, priorityLabel, roleLabel, taskStatusLabel, useShortDateTime } from './task-labels';
import { TaskComments } from './TaskComments';
import { CancelTaskForm } from './CancelTaskForm';

/** The due cell: the time (or the day, for "by the end of the day") and a word when overdue or due today. */
function Due({ task }: { task: TaskView }) {
  const { t } = useTranslation('tasks');
  const clock = useClinicClock();
  const when = useShortDateTime();
  const word = dueWord(task.dueState);
  if (task.dueAt === null) return <span className="muted">{t('TaskList.noDueTime')}</span>;
  return (
    <>
      {word && <span className={`tag due-${task.dueState}`}>{word}</span>}
      <div>
        {task.dueAllDay ? t('TaskList.byEndOfDay', { date: formatDate(task.dueAt - 1, clock) }) : when(task.dueAt)}
      </div>
    </>
  );
}

/** A work list: each task with its due time, priority, what it is about, and Complete / Cancel / Comments. */
export function TaskList({
  tasks,
  onChanged,
}: {
  tasks: readonly TaskView[];
  /** After a change, with what to say: the screen says it (the list may be empty by then). */
  onChanged: (said: string) => void;
}) {
  const { t } = useTranslation('tasks');
  const when = useShortDateTime();
  const [open, setOpen] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function complete(task: TaskView) {
    setFailure(null);
    const result = await call('tasks.complete', { taskId: task.id });
    if (!result.ok) return setFailure(result.error.message);
    onChanged(t('TaskList.completed', { title: task.title }));
  }

  return (
    <>
      <FormMessage error={failure} />
      <table className="task-list">
        <caption className="visually-hidden">{t('TaskList.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('TaskList.due')}</th>
            <th scope="col">{t('TaskList.priority')}</th>
            <th scope="col">{t('TaskList.task')}</th>
            <th scope="col">{t('TaskList.about')}</th>
            <th scope="col">{t('TaskList.assignedTo')}</th>
            <th scope="col">{t('TaskList.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <Fragment key={task.id}>
              <tr className={task.dueState === 'overdue' ? 'overdue' : undefined}>
                <td>
                  <Due task={task} />
                </td>
                <td>
                  <span className={`tag priority-${task.priority}`}>{priorityLabel(task.priority)}</span>
                </td>
                <td>
                  <strong>{task.title}</strong>
                  {task.details && <div>{task.details}</div>}
                  {task.createdByName && (
                    <div className="muted">{t('TaskList.fromBy', { name: task.createdByName })}</div>
                  )}
                  {task.status !== 'open' && (
                    <div className="muted">
                      {t('TaskList.closedBy', {
                        status: taskStatusLabel(task.status),
                        name: task.closedByName ?? '',
                        when: task.closedAt === null ? '' : when(task.closedAt),
                      })}
                      {task.cancelReason && ` ${t('TaskList.cancelledBecause', { reason: task.cancelReason })}`}
                    </div>
                  )}
                </td>
                <td>
                  {task.patientId && <a href={`#/patients/${task.patientId}`}>{task.patientName}</a>}
                  {task.appointmentStart !== null && (
                    <div className="muted">{t('TaskList.appointmentAt', { when: when(task.appointmentStart) })}</div>
                  )}
                </td>
                <td>{task.assigneeRole ? roleLabel(task.assigneeRole) : task.assigneeName}</td>
                <td className="actions">
                  {task.canComplete && (
                    <button
                      type="button"
                      className="primary"
                      aria-label={t('TaskList.complete', { title: task.title })}
                      onClick={() => void complete(task)}
                    >
                      {t('TaskList.completeShort')}
                    </button>
                  )}
                  {task.canCancel && cancelling !== task.id && (
                    <button
                      type="button"
                      aria-label={t('TaskList.cancel', { title: task.title })}
                      onClick={() => setCancelling(task.id)}
                    >
                      {t('TaskList.cancelShort')}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-expanded={open === task.id}
                    aria-label={
                      open === task.id
                        ? t('TaskList.hideComments', { title: task.title })
                        : t('TaskList.comments', { title: task.title, count: task.commentCount })
                    }
                    onClick={() => setOpen(open === task.id ? null : task.id)}
                  >
                    {open === task.id
                      ? t('TaskList.hideCommentsShort')
                      : t('TaskList.commentsShort', { count: task.commentCount })}
                  </button>
                </td>
              </tr>
              {cancelling === task.id && (
                <tr>
                  <td colSpan={6}>
                    <CancelTaskForm
                      task={task}
                      onKeep={() => setCancelling(null)}
                      onCancelled={(said) => {
                        setCancelling(null);
                        onChanged(said);
                      }}
                    />
                  </td>
                </tr>
              )}
              {open === task.id && (
                <tr>
                  <td colSpan={6}>
                    <TaskComments taskId={task.id} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}
