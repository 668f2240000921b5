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

export interface SyncTables {
  sync_state: SyncStateTable;
  sync_changes: SyncChangesTable;
  sync_clocks: SyncClocksTable;
  sync_tombstones: SyncTombstonesTable;
  sync_apply_problems: SyncApplyProblemsTable;
}
