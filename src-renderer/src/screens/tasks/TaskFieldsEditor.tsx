import type { TaskFieldsInput } from '../../../../src-shared/api/areas/tasks';
import { TASK_PRIORITIES, type TaskPriority, type TaskRole } from '../../../../src-shared/tasks/model';
import { DateField } from '../../components/DateField';
import { Field, TextAreaField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { formatClockTime, parseClockTime } from '../../../../src-shared/locale/time-format';
import { useClinicSettings } from '../../stores/clinic-settings';
import { priorityLabel, roleLabel } from './task-labels';

/** A task as typed: the assignee is `role:nurse` or `user:<id>`, '' when not chosen. */
export interface TaskDraft {
  title: string;
  details: string;
  assignee: string;
  dueDate: string;
  dueTime: string;
  priority: TaskPriority;
}

export const EMPTY_TASK: TaskDraft = {
  title: '',
  details: '',
  assignee: '',
  dueDate: '',
  dueTime: '',
  priority: 'normal',
};

/** A time typed either way ("2:30 PM", "14:30", "930") as main's HH:mm; left as typed when it is not a time. */
function typedTime(text: string): string {
  const minute = parseClockTime(text);
  return minute === null ? text : formatClockTime(minute, '24h');
}

/** The draft as main's `taskFields` input (what tasks.create and a logged call's follow-up take). */
export function taskInput(draft: TaskDraft): TaskFieldsInput {
  const [kind, who] = draft.assignee.split(':', 2);
  return {
    title: draft.title,
    details: draft.details,
    ...(kind === 'user' && who ? { assigneeUserId: who } : {}),
    ...(kind === 'role' && who ? { assigneeRole: who as TaskRole } : {}),
    ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
    ...(draft.dueTime.trim() ? { dueTime: typedTime(draft.dueTime) } : {}),
    priority: draft.priority,
  };
}

/** The task's fields (title to priority), shared by New task and "Log a call"'s follow-up. */
export function TaskFieldsEditor({
  draft,
  onChange,
  errors,
  prefix = '',
}: {
  draft: TaskDraft;
  onChange: (draft: TaskDraft) => void;
  errors: Record<string, string | undefined>;
  /** The path of these fields in the input main checks ('followUp.' inside a logged call). */
  prefix?: string;
}) {
  const { t } = useTranslation('tasks');
  const assignees = useProcedure('tasks.assignees', {}, { refreshOn: { 'users.changed': true } }).value;
  const error = (field: string) => errors[`${prefix}${field}`];
  const timeFormat = useClinicSettings((state) => state.settings?.timeFormat) ?? '24h';
  // Main reads HH:mm and says so; what was typed here may be the clinic's 12-hour time.
  const dueTimeError =
    error('dueTime') && parseClockTime(draft.dueTime) === null
      ? t('TaskForm.mustBeATimeSuchAs', { example: formatClockTime(14 * 60 + 30, timeFormat) })
      : error('dueTime');
  const options = [
    { value: '', label: t('TaskForm.chooseAssignee') },
    ...(assignees?.roles ?? []).map((role) => ({ value: `role:${role.id}`, label: roleLabel(role.id) })),
    ...(assignees?.users ?? []).map((user) => ({ value: `user:${user.id}`, label: user.displayName })),
  ];
  return (
    <>
      <Field
        label={t('TaskForm.title')}
        value={draft.title}
        maxLength={200}
        onChange={(event) => onChange({ ...draft, title: event.target.value })}
        error={error('title')}
      />
      <TextAreaField
        label={t('TaskForm.details')}
        value={draft.details}
        maxLength={2000}
        rows={2}
        onChange={(event) => onChange({ ...draft, details: event.target.value })}
        error={error('details')}
      />
      <SelectField
        label={t('TaskForm.assignTo')}
        value={draft.assignee}
        options={options}
        onChange={(event) => onChange({ ...draft, assignee: event.target.value })}
        error={error('assigneeUserId') ?? error('assigneeRole')}
      />
      <div className="task-due">
        <DateField
          label={t('TaskForm.dueDate')}
          value={draft.dueDate}
          onChange={(value) => onChange({ ...draft, dueDate: value })}
          error={error('dueDate')}
          hint={t('TaskForm.dueDateHint')}
        />
        <Field
          label={t('TaskForm.dueTime')}
          value={draft.dueTime}
          maxLength={10}
          autoComplete="off"
          placeholder={formatClockTime(14 * 60 + 30, timeFormat)}
          onChange={(event) => onChange({ ...draft, dueTime: event.target.value })}
          error={dueTimeError}
          hint={t('TaskForm.dueTimeHint')}
        />
      </div>
      <SelectField
        label={t('TaskForm.priority')}
        value={draft.priority}
        options={TASK_PRIORITIES.map((priority) => ({ value: priority, label: priorityLabel(priority) }))}
        onChange={(event) => onChange({ ...draft, priority: event.target.value as TaskPriority })}
        error={error('priority')}
      />
    </>
  );
}
