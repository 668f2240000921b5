import { useId, useState, type SyntheticEvent } from 'react';
import type { Input } from '../../../../src-shared/api/contract';
import {
  CALL_OUTCOMES,
  COMMUNICATION_DIRECTIONS,
  COMMUNICATION_KINDS,
  type CallOutcome,
  type CommunicationDirection,
  type CommunicationKind,
} from '../../../../src-shared/tasks/model';
import { call } from '../../api';
import { Field, TextAreaField } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useSession } from '../../stores/session';
import { directionLabel, kindLabel, outcomeLabel, roleLabel, useShortDateTime } from './task-labels';
import { EMPTY_TASK, TaskFieldsEditor, taskInput, type TaskDraft } from './TaskFieldsEditor';
import './tasks.css';

export interface ContactDraft {
  kind: CommunicationKind;
  direction: CommunicationDirection;
  outcome: CallOutcome;
  withWhom: string;
  subject: string;
  note: string;
  appointmentId: string;
}

const EMPTY: ContactDraft = {
  kind: 'call',
  direction: 'in',
  outcome: 'spoke',
  withWhom: '',
  subject: '',
  note: '',
  appointmentId: '',
};
const SHOWN = [
  'kind',
  'direction',
  'outcome',
  'withWhom',
  'subject',
  'note',
  'appointmentId',
  ...['title', 'details', 'assigneeUserId', 'assigneeRole', 'dueDate', 'dueTime', 'priority'].map(
    (f) => `followUp.${f}`,
  ),
];

/** "Log a call" (or a letter, email, SMS) on the patient's page, with an optional follow-up task in one step. */
export function LogContactForm({
  patientId,
  onLogged,
  initial = {},
}: {
  patientId: string;
  onLogged: () => void;
  /** What the place it opens from already knows (the call list: an outgoing call about this appointment). */
  initial?: Partial<ContactDraft>;
}) {
  const { t } = useTranslation('tasks');
  const headingId = useId();
  const start = { ...EMPTY, ...initial };
  const when = useShortDateTime();
  const canTask = useSession((state) => state.can('tasks:team'));
  const canSeeAppointments = useSession((state) => state.can('appointments:read'));
  const appointments = useProcedure(
    'appointments.ofPatient',
    canSeeAppointments ? { patientId, upcomingLimit: 10, pastLimit: 10 } : null,
  ).value;
  const [draft, setDraft] = useState<ContactDraft>(start);
  const [withTask, setWithTask] = useState(false);
  const [task, setTask] = useState<TaskDraft>(EMPTY_TASK);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = (): Input<'communications.log'> => ({
    patientId,
    kind: draft.kind,
    direction: draft.direction,
    ...(draft.kind === 'call' ? { outcome: draft.outcome } : {}),
    withWhom: draft.withWhom,
    subject: draft.subject,
    note: draft.note,
    ...(draft.appointmentId ? { appointmentId: draft.appointmentId } : {}),
    ...(withTask ? { followUp: taskInput(task) } : {}),
  });
  const problems = () => draftProblems('communications.log', input());
  const errors = useFormErrors({ ...draft, followUp: withTask ? task : null }, problems);
  const choices = [...(appointments?.upcoming ?? []), ...(appointments?.past ?? [])];

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setSaved(null);
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, SHOWN);
    setBusy(true);
    const result = await call('communications.log', input());
    setBusy(false);
    if (!result.ok) return errors.show(result.error, SHOWN);
    const made = result.value.task;
    setSaved(
      made
        ? t('LogContactForm.savedWithTask', {
            assignee: made.assigneeRole ? roleLabel(made.assigneeRole) : made.assigneeName,
          })
        : t('LogContactForm.saved'),
    );
    setDraft(start);
    setTask(EMPTY_TASK);
    setWithTask(false);
    onLogged();
  }

  const fields = errors.errors.fields;
  return (
    <form className="log-contact" aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>{t('LogContactForm.heading')}</h3>
      <SelectField
        label={t('LogContactForm.kind')}
        value={draft.kind}
        options={COMMUNICATION_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
        onChange={(event) => setDraft({ ...draft, kind: event.target.value as CommunicationKind })}
        error={fields.kind}
      />
      <SelectField
        label={t('LogContactForm.direction')}
        value={draft.direction}
        options={COMMUNICATION_DIRECTIONS.map((direction) => ({ value: direction, label: directionLabel(direction) }))}
        onChange={(event) => setDraft({ ...draft, direction: event.target.value as CommunicationDirection })}
        error={fields.direction}
      />
      {draft.kind === 'call' && (
        <SelectField
          label={t('LogContactForm.outcome')}
          value={draft.outcome}
          options={CALL_OUTCOMES.map((outcome) => ({ value: outcome, label: outcomeLabel(outcome) }))}
          onChange={(event) => setDraft({ ...draft, outcome: event.target.value as CallOutcome })}
          error={fields.outcome}
        />
      )}
      <Field
        label={t('LogContactForm.subject')}
        value={draft.subject}
        maxLength={200}
        onChange={(event) => setDraft({ ...draft, subject: event.target.value })}
        error={fields.subject}
      />
      <Field
        label={t('LogContactForm.withWhom')}
        value={draft.withWhom}
        maxLength={200}
        onChange={(event) => setDraft({ ...draft, withWhom: event.target.value })}
        error={fields.withWhom}
      />
      <TextAreaField
        label={t('LogContactForm.note')}
        value={draft.note}
        rows={2}
        maxLength={2000}
        onChange={(event) => setDraft({ ...draft, note: event.target.value })}
        error={fields.note}
      />
      {canSeeAppointments && (
        <SelectField
          label={t('LogContactForm.appointment')}
          value={draft.appointmentId}
          options={[
            { value: '', label: t('LogContactForm.noAppointment') },
            ...choices.map((a) => ({ value: a.id, label: `${when(a.start)} ${a.typeName}` })),
          ]}
          onChange={(event) => setDraft({ ...draft, appointmentId: event.target.value })}
          error={fields.appointmentId}
        />
      )}
      {canTask && (
        <label className="checkbox">
          <input type="checkbox" checked={withTask} onChange={(event) => setWithTask(event.target.checked)} />
          {t('LogContactForm.followUp')}
        </label>
      )}
      {withTask && (
        <fieldset>
          <legend>{t('LogContactForm.followUpHeading')}</legend>
          <TaskFieldsEditor draft={task} onChange={setTask} errors={fields} prefix="followUp." />
        </fieldset>
      )}
      <FormMessage error={errors.errors.form} success={saved} />
      <button type="submit" className="primary" disabled={busy}>
        {t('LogContactForm.save')}
      </button>
    </form>
  );
}
