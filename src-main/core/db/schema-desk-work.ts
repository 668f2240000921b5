import type { Selectable } from 'kysely';
import type { NotificationKind } from '../../../src-shared/api/areas/notifications';
import type {
  CommunicationDirection,
  CommunicationKind,
  CallOutcome,
  TaskPriority,
  TaskStatus,
} from '../../../src-shared/tasks/model';

/** The desk's own work (migration 0026): tasks, their comments and the communication log. */

export interface TasksTable {
  id: string;
  title: string;
  details: string | null;
  patient_id: string | null;
  appointment_id: string | null;
  assignee_user_id: string | null;
  assignee_role: string | null;
  due_at: number | null;
  due_all_day: number;
  priority: TaskPriority;
  status: TaskStatus;
  closed_at: number | null;
  closed_by: string | null;
  closed_by_name: string | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface TaskCommentsTable {
  id: string;
  task_id: string;
  body: string;
  by_user_id: string | null;
  by_name: string | null;
  created_at: number;
  updated_at: number;
}

export interface CommunicationsTable {
  id: string;
  patient_id: string;
  appointment_id: string | null;
  kind: CommunicationKind;
  direction: CommunicationDirection;
  outcome: CallOutcome | null;
  with_whom: string | null;
  subject: string;
  note: string | null;
  at: number;
  follow_up_task_id: string | null;
  by_user_id: string | null;
  by_name: string | null;
  created_at: number;
  updated_at: number;
}

/** A person's mark that they have seen one notification (migration 0027). */
export interface NotificationReadsTable {
  id: string;
  user_id: string;
  key: string;
  read_at: number;
  created_at: number;
  updated_at: number;
}

/** Whether a person's bell shows one kind of notification (migration 0027). */
export interface NotificationPreferencesTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  on_screen: number;
  created_at: number;
  updated_at: number;
}

/** Merged into `Database` in schema.ts. */
/** What a FHIR import brought in, by the file's name for it (migration 0031, src-main/core/interop/fhir/import). */
export interface FhirImportLinksTable {
  id: string;
  source_key: string;
  resource_type: string;
  local_table: string;
  local_id: string;
  content_hash: string;
  created_at: number;
  updated_at: number;
}

export interface CsvImportMappingsTable {
  id: string;
  source_name: string;
  target: string;
  mapping: string;
  date_format: string;
  encoding: string;
  created_at: number;
  updated_at: number;
}

export interface DeskWorkTables {
  tasks: TasksTable;
  task_comments: TaskCommentsTable;
  communications: CommunicationsTable;
  notification_reads: NotificationReadsTable;
  notification_preferences: NotificationPreferencesTable;
  fhir_import_links: FhirImportLinksTable;
  csv_import_mappings: CsvImportMappingsTable;
}

export type TaskRow = Selectable<TasksTable>;
export type TaskCommentRow = Selectable<TaskCommentsTable>;
export type CommunicationRow = Selectable<CommunicationsTable>;
