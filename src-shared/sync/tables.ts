/**
 * Which tables replicate between desks and how each merges (issue 17; DESIGN.md "Sync").
 *
 * - `record`: per-column last-writer-wins by HLC, so two desks editing different fields both survive;
 *   a delete is a tombstone that wins over older edits and never resurrects.
 * - `ledger`: insert-only rows merged by union (two desks dispensing the same vial both subtract);
 *   the tables' own triggers already refuse UPDATE and DELETE.
 *
 * Tables not named here are local to a desk (LOCAL_TABLES says why for each); tests/unit/sync-tables.test.ts
 * fails when a table is in neither list, so a new table must be placed on purpose.
 */
export type SyncKind = 'record' | 'ledger';

export const SYNCED_TABLES = {
  // Set-up and staff
  clinic_settings: 'record',
  patient_settings: 'record',
  visit_settings: 'record',
  reminder_settings: 'record',
  billing_settings: 'record',
  stock_settings: 'record',
  roles: 'record',
  role_permissions: 'record',
  users: 'record',
  locations: 'record',
  rooms: 'record',
  providers: 'record',
  appointment_types: 'record',
  appointment_type_providers: 'record',
  availability_templates: 'record',
  availability_exceptions: 'record',
  clinic_holidays: 'record',
  // Patients
  patients: 'record',
  patient_phones: 'record',
  patient_contacts: 'record',
  patient_allergies: 'record',
  patient_alerts: 'record',
  patient_insurance: 'record',
  patient_documents: 'record',
  patient_consents: 'record',
  patient_merges: 'record',
  patient_not_duplicates: 'record',
  // Scheduling and visits
  appointments: 'record',
  appointment_series: 'record',
  waitlist_entries: 'record',
  appointment_history: 'ledger',
  visits: 'record',
  visit_events: 'ledger',
  vitals: 'record',
  reminder_outbox: 'record',
  // Billing
  taxes: 'record',
  services: 'record',
  fee_schedules: 'record',
  fee_schedule_prices: 'record',
  appointment_type_services: 'record',
  payment_methods: 'record',
  invoices: 'record',
  invoice_lines: 'record',
  drawers: 'record',
  payments: 'ledger',
  payment_allocations: 'ledger',
  refunds: 'ledger',
  adjustments: 'ledger',
  reversals: 'ledger',
  claims: 'record',
  claim_lines: 'ledger',
  claim_events: 'ledger',
  claim_remittances: 'ledger',
  claim_remittance_lines: 'ledger',
  // Stock
  stock_items: 'record',
  stock_suppliers: 'record',
  stock_supplier_items: 'record',
  stock_locations: 'record',
  stock_lots: 'record',
  purchase_orders: 'record',
  purchase_order_lines: 'record',
  stock_counts: 'record',
  stock_count_lines: 'record',
  stock_movements: 'ledger',
  // The desk's own work (issue 20): tasks close once (a record), comments are insert-only; the log is a
  // record although only inserted, because a patient merge moves its rows (migration 0026)
  tasks: 'record',
  task_comments: 'ledger',
  communications: 'record',
  // A person's read marks on the bell follow them to any desk; the id is derived from (person, key), so two
  // desks marking the same notification make one row (migration 0027)
  notification_reads: 'record',
  // What a person's bell shows, per kind: follows them to any desk like their read marks
  notification_preferences: 'record',
  // Referrals (migration 0029): a referral's status moves (a record); the directory and the targets are set-up
  referral_settings: 'record',
  referrers: 'record',
  referrals: 'record',
  // The conflicts inbox: a conflict is a record (two desks finding it make one row), its resolutions a ledger
  sync_conflicts: 'record',
  sync_conflict_resolutions: 'ledger',
  // What a FHIR import brought in: the id is derived from the file's name for the resource, so a second desk
  // importing the same file finds it and changes nothing (migration 0031)
  fhir_import_links: 'record',
  // A CSV source's column mapping (migration 0033): it describes the other system's files, not this computer;
  // the id is derived from (source, target), so two desks saving one make one row
  csv_import_mappings: 'record',
  // Other devices' audit chains (migration 0035): insert-only, keyed (device, seq), so a chain is never
  // rebuilt on merge and two entries can never claim one place in it. This desk's own chain is audit_log,
  // queued from there at each round (src-main/core/sync/audit-queue.ts).
  audit_chains: 'ledger',
} as const satisfies Record<string, SyncKind>;

export type SyncedTableName = keyof typeof SYNCED_TABLES;

/** Tables each desk keeps for itself, and why. */
export const LOCAL_TABLES: Record<string, string> = {
  schema_migrations: 'the migration runner of this database file',
  audit_lookup: "the audit log's filter columns, filled from this desk's audit_log",
  sqlite_stat1: "SQLite's planner statistics",
  sqlite_stat4: "SQLite's planner statistics",
  patient_fts: 'the search index, rebuilt from synced patients',
  patient_fts_config: 'the search index, rebuilt from synced patients',
  patient_fts_data: 'the search index, rebuilt from synced patients',
  patient_fts_docsize: 'the search index, rebuilt from synced patients',
  patient_fts_idx: 'the search index, rebuilt from synced patients',
  patient_search: 'the search index, rebuilt from synced patients',
  patient_name_tokens: 'the search index, rebuilt from synced patients',
  patient_phone_suffixes: 'the search index, rebuilt from synced patients',
  patient_name_pairs: 'the search index, rebuilt from synced patients',
  invoice_balances: 'a cache of sums over synced ledgers, rebuilt from them',
  patient_credits:
    "each patient's unallocated credit, a cache of sums over the synced ledgers kept by triggers on their inserts",
  patient_owing: "each patient's sum of open amounts, a cache of invoice_balances kept by triggers on it",
  patient_open_days: 'open patient amounts by issue date, a cache of invoice_balances kept by triggers on it',
  stock_movement_quarters:
    'movements per kind and quarter hour, a cache of the synced stock ledger kept by a trigger on its inserts',
  stock_movement_days:
    'movements per kind and UTC day, a cache of the synced stock ledger kept by a trigger on its inserts',
  stock_item_on_hand:
    "each item's stock on hand and the item's reorder level, cost and listing, a cache of the synced ledger and items kept by triggers",
  stock_balances: 'a cache of sums over the synced stock ledger, kept by a trigger on its inserts',
  report_dirty_days: 'the days the report aggregates must recompute, marked by triggers on the synced rows',
  report_aggregate_state: 'what the report aggregates were built with (zone, late-cancel window)',
  report_appointment_days: 'daily report aggregates, a cache recomputed from the synced rows',
  report_invoice_days: 'daily report aggregates, a cache recomputed from the synced rows',
  report_ledger_days: 'daily report aggregates, a cache recomputed from the synced rows',
  report_patient_days: 'daily report aggregates, a cache recomputed from the synced rows',
  report_wait_days: 'daily waiting-time histograms, a cache recomputed from the synced visits',
  report_available_days: 'available minutes per provider and day, a cache worked out from the synced hours',
  report_provider_money_days: "the providers report's money per day, a cache recomputed from the synced rows",
  report_receivable_days: 'open balances by issue date, a cache recomputed from invoice_balances',
  report_wait_place_days: 'waiting-time histograms by location and type, a cache recomputed from the synced visits',
  report_wait_place_months: 'report_wait_place_days summed per month, a cache recomputed from them',
  report_revenue_cell_months: 'report_revenue_cells summed per month, a cache recomputed from them',
  report_revenue_cells:
    'the revenue narrowed by location, type and payer per day, a cache recomputed from the synced rows',
  report_appointment_months: 'report_appointment_days summed per month, a cache recomputed from them',
  report_wait_months: 'report_wait_days summed per month, a cache recomputed from them',
  audit_log:
    "this desk's own hash chain, keyed by this database's key; it travels as this device's rows of audit_chains, queued at each round",
  backup_runs: "this computer's backups",
  calendar_feed_tokens: 'the calendar subscriptions this computer serves (a token works only on the desk that made it)',
  backup_schedule: "this computer's backup time and folder",
  billing_desk: "this desk's invoice number prefix",
  invoice_series: "this desk's next invoice number (per-desk series never collide)",
  mrn_series: "this desk's next MRN once enrolled (its desk code is in every MRN it gives)",
  sqlite_sequence: "SQLite's AUTOINCREMENT counters (the outbox's local order)",
  sync_state: "this desk's device id, enrolment, clock and place in the server's log",
  sync_changes: "this desk's outbox of captured writes",
  sync_clocks: 'which remote stamp last won each column of a record on this desk',
  sync_local_clocks: "this desk's own stamps per row and column, folded from its outbox for the merge",
  sync_tombstones: 'rows deleted, kept so an older edit arriving later never brings one back',
  sync_apply_problems: 'remote changes this desk could not apply yet, retried on each pull',
  document_contents:
    "documents' bytes by SHA-256, kept apart from their synced rows: they travel in chunks (files-client.ts)",
  document_chunks_in: 'chunks of a document being downloaded, kept so a cut download resumes from them',
  sync_snapshot_stage:
    'the snapshot pages this desk downloaded so far, merged once the last one is here (and the patients merged, for the duplicate check at the end)',
  sync_snapshot_progress: "where this desk's snapshot download is (resumed after a drop from the next page)",
};

export function isSyncedTable(name: string): name is SyncedTableName {
  return Object.hasOwn(SYNCED_TABLES, name);
}

/**
 * Columns a row's CHECKs tie together, which travel and merge as one: when any of them changes, the
 * change carries them all with one stamp, so per-column last-writer-wins takes the whole group from one
 * writer. Without it a cancel on one desk and a check-in on another merged into "arrived, cancelled at
 * 10:02" (status from one, `cancelled_at` from the other), which the table's CHECK refuses on every desk.
 */
export const COLUMN_GROUPS: Partial<Record<SyncedTableName, readonly (readonly string[])[]>> = {
  appointments: [
    ['status', 'cancel_reason', 'cancelled_by', 'cancelled_at'],
    ['start_at', 'end_at'],
  ],
  // CHECK ((status = 'sent') = (sent_at IS NOT NULL)): one desk's "failed" must not meet another's sent_at.
  reminder_outbox: [['status', 'sent_at']],
  // CHECKs tie a task's status to its closing time and a cancellation to its reason: one desk's "done"
  // must not meet another's "cancelled" reason.
  tasks: [['status', 'closed_at', 'closed_by', 'closed_by_name', 'cancel_reason']],
  // CHECKs tie a referral's status to its decline reason and its booking: they move as one.
  referrals: [['status', 'decline_reason', 'appointment_id', 'status_at', 'status_by', 'status_by_name']],
};
