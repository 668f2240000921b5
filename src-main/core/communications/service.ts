import type { Kysely } from 'kysely';
import { fieldError } from '../../../src-shared/api/errors';
import type { CommunicationLogInput } from '../../../src-shared/api/areas/communications';
import type { CommunicationView } from '../../../src-shared/tasks/model';
import type { Actor } from '../actor';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import type { CommunicationRow } from '../db/schema-desk-work';
import { newId } from '../ids';
import { requireLivePatient } from '../patients/live-patient';
import { createTask } from '../tasks/service';
import {
  appointmentOwner,
  insertCommunication,
  loggedFor,
  remindersFor,
  type LoggedRow,
} from './communication-repository';

/**
 * The communication log. Reminders sent by the outbox are read in by a join, not written here as rows:
 * the outbox row already holds the channel, the recipient, when it went and why it failed, and it syncs
 * between desks. A copy made "when a reminder is sent" would have to be written by the reminder runner
 * outside any procedure, would be missed for outbox rows that arrive from another desk by sync (or be
 * written twice when both desks copied it), and would go stale when a failed reminder is retried and
 * sent. The join is always what the outbox says now.
 */

/** A contact may be logged a little ahead of this desk's clock (another desk's clock), not later. */
const FUTURE_SLACK_MS = 5 * 60_000;

function loggedView(row: LoggedRow): CommunicationView {
  return {
    id: row.id,
    source: 'logged',
    kind: row.kind,
    direction: row.direction,
    outcome: row.outcome,
    withWhom: row.with_whom,
    subject: row.subject,
    note: row.note,
    at: row.at,
    appointmentId: row.appointment_id,
    appointmentStart: row.appointment_start,
    followUpTaskId: row.follow_up_task_id,
    byName: row.by_name,
    reminderStatus: null,
  };
}

/** Logs a contact and, when asked, its follow-up task, in the caller's one transaction. */
export async function logCommunication(
  db: Kysely<Database>,
  input: CommunicationLogInput,
  actor: Actor,
  now: number,
): Promise<{ entry: CommunicationView; taskId: string | null }> {
  await requireLivePatient(db, input.patientId);
  let appointmentStart: number | null = null;
  if (input.appointmentId) {
    const owner = await appointmentOwner(db, input.appointmentId);
    if (!owner) throw fieldError('appointmentId', 'no such appointment');
    if (owner.patient_id !== input.patientId) throw fieldError('appointmentId', "must be this patient's appointment");
    appointmentStart = owner.start_at;
  }
  const at = input.at ?? now;
  if (at > now + FUTURE_SLACK_MS) throw fieldError('at', 'must not be in the future');
  const taskId = input.followUp
    ? await createTask(
        db,
        { ...input.followUp, patientId: input.patientId, appointmentId: input.appointmentId },
        actor,
        now,
      )
    : null;
  const row: CommunicationRow = {
    id: newId(),
    patient_id: input.patientId,
    appointment_id: input.appointmentId ?? null,
    kind: input.kind,
    direction: input.direction,
    outcome: input.kind === 'call' ? (input.outcome ?? null) : null,
    with_whom: input.withWhom,
    subject: input.subject,
    note: input.note,
    at,
    follow_up_task_id: taskId,
    by_user_id: actor.userId,
    by_name: actor.displayName,
    created_at: now,
    updated_at: now,
  };
  await insertCommunication(db, row);
  return { entry: loggedView({ ...row, appointment_start: appointmentStart }), taskId };
}

/** The patient's log, newest first: what staff logged and what the reminder outbox sent or failed to. */
export async function listCommunications(db: ReadDb, patientId: string, limit: number): Promise<CommunicationView[]> {
  const logged = (await loggedFor(db, patientId, limit)).map(loggedView);
  const reminders = (await remindersFor(db, patientId, limit)).map((row): CommunicationView => ({
    id: row.id,
    source: 'reminder',
    kind: row.channel,
    direction: 'out',
    outcome: null,
    withWhom: row.recipient,
    subject: 'Appointment reminder',
    note: row.status === 'failed' ? row.last_error : null,
    at: row.sent_at ?? row.updated_at,
    appointmentId: row.appointment_id,
    appointmentStart: row.appointment_start,
    followUpTaskId: null,
    byName: null,
    reminderStatus: row.status === 'sent' ? 'sent' : 'failed',
  }));
  return [...logged, ...reminders].sort((a, b) => b.at - a.at || b.id.localeCompare(a.id)).slice(0, limit);
}
