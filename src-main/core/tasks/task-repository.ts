import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import type { TaskCommentRow, TaskRow } from '../db/schema-desk-work';

/**
 * The task aggregate's SQL: a task row (opened, then closed once) and its insert-only comments.
 * Which tasks a person may see is decided in service.ts and handed here as a `Visibility`.
 */

type Db = Kysely<Database>;

/** Whose tasks a read returns: all of them, or those meant for a person (and, for `team`, their team's). */
export type Visibility =
  { kind: 'all' } | { kind: 'mine'; userId: string; role: string } | { kind: 'team'; userId: string; role: string };

export interface TaskFilter {
  visibility: Visibility;
  status: 'open' | 'closed' | 'any';
  patientId?: string | undefined;
  taskId?: string | undefined;
}

/** A task with what its view names: the patient, the appointment's start, the assignee, its comment count. */
export type JoinedTask = TaskRow & {
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  preferred_name: string | null;
  appointment_start: number | null;
  assignee_name: string | null;
  assignee_user_role: string | null;
  role_label: string | null;
  comment_count: number;
};

function joined(db: ReadDb) {
  return db
    .selectFrom('tasks as t')
    .leftJoin('patients as p', 'p.id', 't.patient_id')
    .leftJoin('appointments as a', 'a.id', 't.appointment_id')
    .leftJoin('users as u', 'u.id', 't.assignee_user_id')
    .leftJoin('roles as r', 'r.id', 't.assignee_role')
    .selectAll('t')
    .select((eb) => [
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.preferred_name',
      'a.start_at as appointment_start',
      'u.display_name as assignee_name',
      'u.role_id as assignee_user_role',
      'r.label as role_label',
      eb
        .selectFrom('task_comments as c')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('c.task_id', '=', 't.id')
        .as('comment_count'),
    ])
    .where('t.deleted_at', 'is', null);
}

export async function joinedTasks(db: ReadDb, filter: TaskFilter): Promise<JoinedTask[]> {
  let query = joined(db);
  if (filter.status !== 'any') query = query.where('t.status', filter.status === 'open' ? '=' : '<>', 'open');
  if (filter.patientId) query = query.where('t.patient_id', '=', filter.patientId);
  if (filter.taskId) query = query.where('t.id', '=', filter.taskId);
  const visibility = filter.visibility;
  if (visibility.kind !== 'all') {
    query = query.where((eb) => {
      const mine = [eb('t.assignee_user_id', '=', visibility.userId), eb('t.assignee_role', '=', visibility.role)];
      if (visibility.kind === 'mine') return eb.or(mine);
      // The team: tasks for anyone of the caller's role, and the tasks the caller gave to others.
      return eb.or([...mine, eb('u.role_id', '=', visibility.role), eb('t.created_by', '=', visibility.userId)]);
    });
  }
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, comment_count: row.comment_count ?? 0 }));
}

export async function insertTask(db: Db, row: TaskRow): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

/** Closes an open task; answers false when it was closed meanwhile (another desk got there first). */
export async function closeTaskRow(
  db: Db,
  taskId: string,
  close: Pick<TaskRow, 'status' | 'closed_at' | 'closed_by' | 'closed_by_name' | 'cancel_reason' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('tasks')
    .set(close)
    .where('id', '=', taskId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertComment(db: Db, row: TaskCommentRow): Promise<void> {
  await db.insertInto('task_comments').values(row).execute();
}

/** A task's comments, oldest first. */
export function commentsOf(db: ReadDb, taskId: string): Promise<TaskCommentRow[]> {
  return db
    .selectFrom('task_comments')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The people a task may be given to (not disabled) and the roles, as the New task form lists them. */
export async function assigneeRows(db: ReadDb) {
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role_id'])
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
  const roles = await db.selectFrom('roles').select(['id', 'label']).orderBy('label').execute();
  return { users, roles };
}

/** The user's role, to check a task given to a person goes to someone who exists and is not disabled. */
export function activeUser(db: ReadDb, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role_id'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** The patient an appointment is for, to check a task's appointment and patient agree. */
export function appointmentPatient(db: ReadDb, appointmentId: string) {
  return db
    .selectFrom('appointments')
    .select(['id', 'patient_id'])
    .where('id', '=', appointmentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
