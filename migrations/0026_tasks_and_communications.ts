import type { Migration } from './types';

/**
 * The desk's own work (issue 20): tasks with their comments, and the communication log.
 *
 * - `tasks`: a record (edited in place: it is opened, then done or cancelled). It is assigned to a person
 *   or to a role (all nurses), never both; it may be about a patient and/or an appointment. The closing
 *   columns are tied to the status by CHECKs, so they travel as one sync column group
 *   (src-shared/sync/tables.ts COLUMN_GROUPS).
 * - `task_comments`: insert-only (a comment said is said); the triggers refuse UPDATE and DELETE.
 * - `communications`: every contact with a patient: a call (in or out, with its outcome), a letter, an
 *   email or an SMS, with whom, when, what about and a note; the follow-up task made in the same step is
 *   linked. The repository only inserts, but the table has no append-only trigger and syncs as a record:
 *   a patient merge moves (and an un-merge moves back) every row that names the patient, and an
 *   append-only table would make every merge of a patient with a logged call fail. Reminders the outbox
 *   sent are not copied here: the log's read joins `reminder_outbox` (see src-main/core/communications/service.ts for why).
 *
 * Permissions: everyone signed in reads the tasks meant for them (`tasks:read`); receptionists, managers
 * and administrators make tasks and see the team's (`tasks:team`); managers and administrators see all
 * (`tasks:all`); those who phone patients log contacts (`comms:write`).
 */
const GRANTS: Record<string, string[]> = {
  admin: ['tasks:read', 'tasks:team', 'tasks:all', 'comms:write'],
  manager: ['tasks:read', 'tasks:team', 'tasks:all', 'comms:write'],
  receptionist: ['tasks:read', 'tasks:team', 'comms:write'],
  nurse: ['tasks:read', 'comms:write'],
  provider: ['tasks:read'],
};

export const migration0026: Migration = {
  version: 26,
  name: 'tasks_and_communications',
  up(db, now) {
    db.exec(`
      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        details TEXT,
        patient_id TEXT REFERENCES patients(id),
        appointment_id TEXT REFERENCES appointments(id),
        assignee_user_id TEXT REFERENCES users(id),
        assignee_role TEXT REFERENCES roles(id),
        -- The instant it becomes overdue; a date without a time is due by the end of that clinic day.
        due_at INTEGER,
        due_all_day INTEGER NOT NULL DEFAULT 0 CHECK (due_all_day IN (0, 1)),
        priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        closed_at INTEGER,
        closed_by TEXT REFERENCES users(id),
        closed_by_name TEXT,
        cancel_reason TEXT,
        created_by TEXT REFERENCES users(id),
        created_by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK ((assignee_user_id IS NULL) <> (assignee_role IS NULL)),
        CHECK ((status = 'open') = (closed_at IS NULL)),
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
        CHECK (due_all_day = 0 OR due_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX tasks_open_user ON tasks (assignee_user_id, due_at) WHERE status = 'open' AND deleted_at IS NULL;
      CREATE INDEX tasks_open_role ON tasks (assignee_role, due_at) WHERE status = 'open' AND deleted_at IS NULL;
      CREATE INDEX tasks_patient ON tasks (patient_id) WHERE patient_id IS NOT NULL;

      CREATE TABLE task_comments (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL REFERENCES tasks(id),
        body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        by_user_id TEXT REFERENCES users(id),
        by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX task_comments_task ON task_comments (task_id, created_at);
      CREATE TRIGGER task_comments_no_update BEFORE UPDATE ON task_comments
      BEGIN SELECT RAISE(ABORT, 'task_comments is append-only'); END;
      CREATE TRIGGER task_comments_no_delete BEFORE DELETE ON task_comments
      BEGIN SELECT RAISE(ABORT, 'task_comments is append-only'); END;

      CREATE TABLE communications (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        appointment_id TEXT REFERENCES appointments(id),
        kind TEXT NOT NULL CHECK (kind IN ('call', 'letter', 'email', 'sms')),
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        outcome TEXT CHECK (outcome IN ('spoke', 'voicemail', 'no_answer', 'wrong_number')),
        -- The person on the other end (the patient, a parent, another clinic), when not the patient.
        with_whom TEXT,
        subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        note TEXT,
        at INTEGER NOT NULL,
        follow_up_task_id TEXT REFERENCES tasks(id),
        by_user_id TEXT REFERENCES users(id),
        by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((kind = 'call') = (outcome IS NOT NULL))
      ) STRICT;
      CREATE INDEX communications_patient ON communications (patient_id, at);
    `);
    const grant = db.prepare(
      'INSERT OR IGNORE INTO role_permissions (role_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const [role, permissions] of Object.entries(GRANTS)) {
      for (const permission of permissions) grant.run(role, permission, now, now);
    }
  },
};
