import { LOCAL_TABLES, SYNCED_TABLES } from '../../../src-shared/sync/tables';

/**
 * What a starting copy for new desks holds (seed-file-repository.ts): every synced table, and of this
 * desk's own tables those that are the same on every desk holding the same rows — the clocks and
 * tombstones that decide later merges, the changes waiting for a missing parent, and the caches derived
 * from the synced rows, which a new desk would otherwise spend most of its start rebuilding.
 */
export const SEED_LOCAL_TABLES: Readonly<Record<string, string>> = {
  sync_clocks: 'the stamps that decide later merges (with the outbox folded in when the copy is made)',
  sync_tombstones: 'deletions, so an older edit never brings a row back on the new desk',
  sync_apply_problems: 'changes at or below the copy’s cursor still waiting for a parent: the new desk retries them',
  patient_fts_config: 'the search index (its shadow tables; the index itself is a virtual table)',
  patient_fts_data: 'the search index',
  patient_fts_docsize: 'the search index',
  patient_fts_idx: 'the search index',
  patient_search: 'the search index',
  patient_name_tokens: 'the search index',
  patient_phone_suffixes: 'the search index',
  patient_name_pairs: 'the search index',
  invoice_balances: 'a cache of sums over synced ledgers',
  patient_credits: 'a cache of sums over synced ledgers',
  patient_owing: 'a cache of invoice_balances',
  patient_open_days: 'a cache of invoice_balances',
  stock_movement_quarters: 'a cache of the stock ledger',
  stock_movement_days: 'a cache of the stock ledger',
  stock_item_on_hand: 'a cache of the stock ledger and items',
  stock_balances: 'a cache of the stock ledger',
  report_dirty_days: 'the report days still to recompute',
  report_aggregate_state: 'what the report aggregates were built with',
  report_appointment_days: 'report aggregates',
  report_invoice_days: 'report aggregates',
  report_ledger_days: 'report aggregates',
  report_patient_days: 'report aggregates',
  report_wait_days: 'report aggregates',
  report_available_days: 'report aggregates',
  report_provider_money_days: 'report aggregates',
  report_receivable_days: 'report aggregates',
  report_wait_place_days: 'report aggregates',
  report_wait_place_months: 'report aggregates',
  report_revenue_cell_months: 'report aggregates',
  report_revenue_cells: 'report aggregates',
  report_appointment_months: 'report aggregates',
  report_wait_months: 'report aggregates',
};

/**
 * This desk's own tables that stay out of the copy, and why: what identifies the desk, what it sends,
 * what it serves, and its own audit chain (keyed by its own database key).
 */
export const SEED_LEFT_OUT: Readonly<Record<string, string>> = {
  schema_migrations: 'the new desk has its own, and uses a copy only when the versions match',
  audit_lookup: "the publishing desk's own audit log",
  audit_log: "the publishing desk's own hash chain (it travels as audit_chains rows, which the copy holds)",
  sqlite_stat1: "the planner's statistics are copied apart (after the rows), not as a table",
  sqlite_stat4: "the planner's statistics",
  patient_fts: 'a virtual table: the copy holds its shadow tables',
  backup_runs: "the publishing computer's backups",
  backup_schedule: "the publishing computer's backup time and folder",
  calendar_feed_tokens: 'calendar subscriptions work only on the desk that made them',
  billing_desk: 'each desk has its own invoice prefix',
  invoice_series: 'each desk has its own invoice numbers',
  mrn_series: 'each desk has its own MRN series',
  sqlite_sequence: "SQLite's counters of the publishing desk's outbox",
  sync_state: "the publishing desk's identity, secret and place in the log (the cursor travels beside the copy)",
  sync_changes: "the publishing desk's outbox (folded into the copy's clocks)",
  sync_local_clocks: "the publishing desk's own stamps (folded into the copy's clocks)",
  document_contents: "documents' bytes arrive in chunks of their own",
  document_chunks_in: "the publishing desk's downloads in progress",
  sync_snapshot_stage: 'a copy is made only with no snapshot download in progress',
  sync_snapshot_progress: 'a copy is made only with no snapshot download in progress',
};

/** The tables a copy holds, synced first (their order does not matter: foreign keys are off while copying). */
export function seedTableNames(): string[] {
  return [...Object.keys(SYNCED_TABLES), ...Object.keys(SEED_LOCAL_TABLES)];
}

/** Every local table is placed on purpose (tests/unit/seed-tables.test.ts). */
export function unplacedLocalTables(): string[] {
  return Object.keys(LOCAL_TABLES).filter((name) => !(name in SEED_LOCAL_TABLES) && !(name in SEED_LEFT_OUT));
}
