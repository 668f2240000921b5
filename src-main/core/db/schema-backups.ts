/** Tables of migration 0015: the backup schedule and the record of each backup run. */
export interface BackupScheduleTable {
  id: number;
  enabled: number;
  folder: string;
  /** 'HH:mm' on the clinic's wall clock. */
  time_of_day: string;
  keep: number;
  updated_at: number;
}

export interface BackupRunsTable {
  id: string;
  kind: 'manual' | 'scheduled';
  started_at: number;
  finished_at: number;
  /** The clinic's date when it started: a scheduled backup runs once per local date. */
  local_date: string;
  folder: string;
  file: string | null;
  size_bytes: number | null;
  verified: number;
  patients: number | null;
  appointments: number | null;
  error: string | null;
  with_recovery_envelope: number;
  actor_user_id: string | null;
}

export interface BackupTables {
  backup_schedule: BackupScheduleTable;
  backup_runs: BackupRunsTable;
}
