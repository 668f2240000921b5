import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useSession } from '../../stores/session';
import { NewTaskForm } from './NewTaskForm';
import { TaskList } from './TaskList';
import './tasks.css';

type Scope = 'mine' | 'team';

/** `#/tasks`: "My tasks" (given to me or my role) and, for those who hand out work, "Team tasks". */
export function TasksScreen() {
  const { t } = useTranslation('tasks');
  const canTeam = useSession((state) => state.can('tasks:team'));
  const [scope, setScope] = useState<Scope>('mine');
  const [closed, setClosed] = useState(false);
  const [adding, setAdding] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  // Made, closed or commented at any desk: the list reads again.
  const read = useProcedure(
    'tasks.list',
    { scope: canTeam ? scope : 'mine', status: closed ? 'closed' : 'open' },
    { refreshOn: { 'tasks.changed': true } },
  );
  const tasks = read.value ?? [];

  return (
    <section className="tasks">
      <h1>{t('TasksScreen.tasks')}</h1>
      <div className="toolbar">
        <div role="group" aria-label={t('TasksScreen.views')} className="segmented">
          <button type="button" aria-pressed={scope === 'mine'} onClick={() => setScope('mine')}>
            {t('TasksScreen.myTasks')}
          </button>
          {canTeam && (
            <button type="button" aria-pressed={scope === 'team'} onClick={() => setScope('team')}>
              {t('TasksScreen.teamTasks')}
            </button>
          )}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={closed} onChange={(event) => setClosed(event.target.checked)} />
          {t('TasksScreen.showClosed')}
        </label>
        {canTeam && (
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {adding ? t('TasksScreen.hideNewTask') : t('TasksScreen.newTask')}
          </button>
        )}
      </div>
      {adding && <NewTaskForm onCreated={read.reload} />}
      <h2>{scope === 'team' && canTeam ? t('TasksScreen.teamTasks') : t('TasksScreen.myTasks')}</h2>
      <p className="hint">{t('TasksScreen.hint')}</p>
      <ErrorMessage error={read.error} area={t('TasksScreen.tasks')} />
      {read.value && tasks.length === 0 && <p>{closed ? t('TaskList.nothingClosed') : t('TaskList.nothingOpen')}</p>}
      <FormMessage success={said} />
      {tasks.length > 0 && (
        <TaskList
          tasks={tasks}
          onChanged={(text) => {
            setSaid(text);
            read.reload();
          }}
        />
      )}
    </section>
  );
}
