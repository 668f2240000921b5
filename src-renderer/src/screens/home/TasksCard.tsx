import type { TaskView } from '../../../../src-shared/tasks/model';
import { formatDate } from '../../format/datetime';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicClock } from '../../stores/clinic-settings';
import { useTranslation } from '../../i18n';
import { useSession } from '../../stores/session';
import { dueWord, useShortDateTime } from '../tasks/task-labels';
import { HomeCard } from './HomeCard';

const SHOWN = 5;

/**
 * The open tasks given to the signed-in user or their role, overdue ones first (as My tasks lists them),
 * the first few with their due word; the Tasks screen has the rest. Read again on `tasks.changed`.
 */
export function TasksCard() {
  const { t } = useTranslation(['home', 'tasks']);
  const canRead = useSession((state) => state.can('tasks:read'));
  const when = useShortDateTime();
  const clock = useClinicClock();
  // As My tasks says it: an all-day task by the end of its day (its dueAt is the next day's first instant).
  const due = (task: TaskView) =>
    task.dueAt === null
      ? null
      : task.dueAllDay
        ? t('tasks:TaskList.byEndOfDay', { date: formatDate(task.dueAt - 1, clock) })
        : when(task.dueAt);
  const read = useProcedure('tasks.list', canRead ? { scope: 'mine', status: 'open' } : null, {
    refreshOn: { 'tasks.changed': true },
  });
  if (!canRead) return null;
  const tasks = read.value ?? [];

  return (
    <HomeCard
      id="home-tasks"
      title={t('tasks.title')}
      count={tasks.length}
      error={read.error?.message}
      loading={!read.value}
      empty={t('tasks.none')}
      more={{ href: '#/tasks', label: t('tasks.open') }}
    >
      {tasks.slice(0, SHOWN).map((task) => {
        const word = dueWord(task.dueState);
        return (
          <li key={task.id} className="home-row">
            <span className="home-who">
              <a href="#/tasks">{task.title}</a>
              <small className="muted">{[task.patientName, due(task)].filter(Boolean).join(' · ')}</small>
            </span>
            {word && <span className={task.dueState === 'overdue' ? 'tag warning' : 'tag'}>{word}</span>}
          </li>
        );
      })}
    </HomeCard>
  );
}
