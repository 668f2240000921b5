/** Tables of migration 0020: the desk's side of sync (all local to this desk). */
export interface SyncStateTable {
  id: number;
  device_id: string;
  clinic_id: string | null;
  server_url: string | null;
  device_secret: string | null;
  hlc_wall: number;
  hlc_counter: number;
  pull_cursor: string | null;
  last_synced_at: number | null;
  last_error: string | null;
  updated_at: number;
  /** Migration 0022: the code the server gave this desk at enrolment (A, B, … AA); NULL if never enrolled. */
  desk_code: string | null;
}

export interface SyncChangesTable {
  seq: number;
  change_id: string;
  table_name: string;
  /** JSON array of the primary key values in key order. */
  key_json: string;
  op: 'upsert' | 'delete';
  /** JSON object of the columns written; a BLOB is `{ "b64": ... }`. */
  values_json: string;
  hlc: string;
  user_id: string | null;
  status: 'pending' | 'pushed' | 'accepted' | 'rejected';
  reject_code: string | null;
  reject_reason: string | null;
}

export interface SyncClocksTable {
  table_name: string;
  key_json: string;
  column_name: string;
  hlc: string;
}

export interface SyncTombstonesTable {
  table_name: string;
  key_json: string;
  hlc: string;
}

export interface SyncApplyProblemsTable {
  change_id: string;
  change_json: string;
  hlc: string;
  reason: string;
  attempts: number;
  first_at: number;
  last_at: number;
}

/** Migration 0022: an enrolled desk's MRN counter per prefix (local; only goes up). */
export interface MrnSeriesTable {
  prefix: string;
  next_number: number;
  created_at: number;
  updated_at: number;
}

export type ConflictKind = 'double_booking' | 'duplicate_patient' | 'negative_stock' | 'closed_drawer_payment';

/** Migration 0022: the conflicts inbox (synced record; its id is derived from what it is about). */
export interface SyncConflictsTable {
  id: string;
  kind: ConflictKind;
  reasons: string;
  first_type: 'appointment' | 'patient' | 'stock_lot' | 'payment';
  first_id: string;
  second_type: 'appointment' | 'patient' | 'stock_location' | 'drawer';
  second_id: string;
  patient_id: string | null;
  second_patient_id: string | null;
  amount: number | null;
  detected_at: number;
  detected_by_device: string;
  created_at: number;
  updated_at: number;
}

/** Migration 0022: who resolved a conflict and why (synced ledger, insert-only). */
export interface SyncConflictResolutionsTable {
  id: string;
  conflict_id: string;
  note: string;
  resolved_at: number;
  resolved_by: string | null;
  resolved_by_name: string | null;
  created_at: number;
  updated_at: number;
}

export interface SyncTables {
  mrn_series: MrnSeriesTable;
  sync_conflicts: SyncConflictsTable;
  sync_conflict_resolutions: SyncConflictResolutionsTable;
  sync_state: SyncStateTable;
  sync_changes: SyncChangesTable;
  sync_clocks: SyncClocksTable;
  sync_tombstones: SyncTombstonesTable;
  sync_apply_problems: SyncApplyProblemsTable;
}
