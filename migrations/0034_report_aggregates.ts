import type { Migration } from './types';

/** Marks the day an instant falls on (turned into the clinic's local day when the dirty rows are read). */
const atInstant = (part: string, column: string) =>
  `INSERT INTO report_dirty_days (part, day, at) VALUES ('${part}', NULL, ${column});`;
/** Marks a calendar date the row already carries (an issue date, the date money counts for). */
const onDate = (column: string) =>
  `INSERT INTO report_dirty_days (part, day, at) SELECT 'money', ${column}, NULL WHERE ${column} IS NOT NULL;`;

function triggers(table: string, name: string, watched: string, mark: (row: 'new' | 'old') => string): string {
  return `
      CREATE TRIGGER report_dirty_${name}_insert AFTER INSERT ON ${table} BEGIN ${mark('new')} END;
      CREATE TRIGGER report_dirty_${name}_update AFTER UPDATE OF ${watched} ON ${table}
        BEGIN ${mark('old')} ${mark('new')} END;
      CREATE TRIGGER report_dirty_${name}_delete AFTER DELETE ON ${table} BEGIN ${mark('old')} END;`;
}

/**
 * Daily report aggregates (issue 18): derived caches of the raw rows, local to each desk and never synced.
 * Triggers on the raw tables mark the days a change touches in `report_dirty_days`, inside the change's own
 * transaction, whoever writes (a procedure, a remote change applied by sync, a repair). SQLite cannot turn an
 * instant into the clinic's local day, so appointments and patients mark the instant and the reader maps it
 * to the day in the clinic's zone; money rows already carry their date. The next report read recomputes the
 * marked days (src-main/core/reports/aggregates.ts); `report_aggregate_state` holds the zone and the
 * late-cancel window the aggregates were built with, and an empty or different state rebuilds everything
 * (which is also what the first read after this migration does).
 */
export const migration0034: Migration = {
  version: 34,
  name: 'report_aggregates',
  up(db) {
    db.exec(`
      -- A marked day's new patients are counted by range over this, not by a scan of every patient.
      CREATE INDEX patients_created ON patients (created_at);
      CREATE TABLE report_dirty_days (
        part TEXT NOT NULL CHECK (part IN ('appointments', 'patients', 'money')),
        day TEXT,
        at INTEGER,
        CHECK ((day IS NULL) <> (at IS NULL))
      ) STRICT;
      CREATE TABLE report_aggregate_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE report_appointment_days (
        day TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        type_id TEXT NOT NULL,
        location_id TEXT NOT NULL,
        booked INTEGER NOT NULL,
        completed INTEGER NOT NULL,
        cancelled INTEGER NOT NULL,
        late_cancelled INTEGER NOT NULL,
        no_shows INTEGER NOT NULL,
        not_cancelled INTEGER NOT NULL,
        booked_minutes INTEGER NOT NULL,
        PRIMARY KEY (day, provider_id, type_id, location_id)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE report_invoice_days (
        day TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        PRIMARY KEY (day, provider_id, kind)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE report_ledger_days (
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        method TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        PRIMARY KEY (day, kind, method)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE report_patient_days (
        day TEXT PRIMARY KEY,
        registered INTEGER NOT NULL
      ) WITHOUT ROWID, STRICT;
      ${triggers(
        'appointments',
        'appointments',
        'start_at, end_at, status, cancelled_at, provider_id, type_id, location_id, deleted_at',
        (row) => atInstant('appointments', `${row}.start_at`),
      )}
      ${triggers('patients', 'patients', 'created_at, deleted_at, merged_into_id', (row) =>
        atInstant('patients', `${row}.created_at`),
      )}
      ${triggers('invoices', 'invoices', 'status, kind, issued_on, total_minor, appointment_id, visit_id', (row) =>
        onDate(`${row}.issued_on`),
      )}
      ${triggers('payments', 'payments', 'counts_for, amount_minor, method_kind', (row) => onDate(`${row}.counts_for`))}
      ${triggers('refunds', 'refunds', 'counts_for, amount_minor, method_kind', (row) => onDate(`${row}.counts_for`))}
      ${triggers('adjustments', 'adjustments', 'counts_for, amount_minor', (row) => onDate(`${row}.counts_for`))}
      ${triggers('reversals', 'reversals', 'counts_for, amount_minor, target_id', (row) => onDate(`${row}.counts_for`))}
      -- An invoice counts for its appointment's (or visit's) provider: moving either to another provider
      -- moves the invoice's money between providers on its issue date.
      CREATE TRIGGER report_dirty_appointment_provider AFTER UPDATE OF provider_id ON appointments BEGIN
        INSERT INTO report_dirty_days (part, day, at)
          SELECT 'money', issued_on, NULL FROM invoices WHERE appointment_id = new.id AND issued_on IS NOT NULL;
      END;
      CREATE TRIGGER report_dirty_visit_provider AFTER UPDATE OF provider_id ON visits BEGIN
        INSERT INTO report_dirty_days (part, day, at)
          SELECT 'money', issued_on, NULL FROM invoices WHERE visit_id = new.id AND issued_on IS NOT NULL;
      END;
    `);
  },
};
