import type { Migration } from './types';

/** 0034's trigger names, dropped and made again keyed. */
const WATCHED = ['appointments', 'patients', 'invoices', 'payments', 'refunds', 'adjustments', 'reversals'];
const DROPPED = [
  ...WATCHED.flatMap((name) => ['insert', 'update', 'delete'].map((when) => `report_dirty_${name}_${when}`)),
  'report_dirty_appointment_provider',
  'report_dirty_visit_provider',
];

/**
 * Marks the UTC date of an instant: a trigger cannot turn an instant into the clinic's local day, and a
 * UTC date overlaps at most two local days, which the reader recomputes (aggregates.ts). Keyed, so a
 * thousand bookings on one day leave one mark.
 */
const atInstant = (part: string, column: string) =>
  `INSERT OR IGNORE INTO report_dirty_days (part, day) VALUES ('${part}', date(${column} / 1000, 'unixepoch'));`;
/** Marks a calendar date the row already carries (an issue date, the date money counts for, a visit's day). */
const onDate = (part: string, column: string) =>
  `INSERT OR IGNORE INTO report_dirty_days (part, day) SELECT '${part}', ${column} WHERE ${column} IS NOT NULL;`;

function triggers(table: string, name: string, watched: string, mark: (row: 'new' | 'old') => string): string {
  return `
      CREATE TRIGGER report_dirty_${name}_insert AFTER INSERT ON ${table} BEGIN ${mark('new')} END;
      CREATE TRIGGER report_dirty_${name}_update AFTER UPDATE OF ${watched} ON ${table}
        BEGIN ${mark('old')} ${mark('new')} END;
      CREATE TRIGGER report_dirty_${name}_delete AFTER DELETE ON ${table} BEGIN ${mark('old')} END;`;
}

/** The cached available minutes a rule can change: deleted, and worked out again by the next read. */
function forget(table: string, name: string, watched: string, where: (row: 'new' | 'old') => string): string {
  const drop = (row: 'new' | 'old') => `DELETE FROM report_available_days WHERE ${where(row)};`;
  return `
      CREATE TRIGGER report_available_${name}_insert AFTER INSERT ON ${table} BEGIN ${drop('new')} END;
      CREATE TRIGGER report_available_${name}_update AFTER UPDATE OF ${watched} ON ${table}
        BEGIN ${drop('old')} ${drop('new')} END;
      CREATE TRIGGER report_available_${name}_delete AFTER DELETE ON ${table} BEGIN ${drop('old')} END;`;
}

/**
 * Report aggregates, second step (issue 18):
 * - `report_dirty_days` gets a key (part, day) and the triggers INSERT OR IGNORE, so the marks between two
 *   reads stay one per day and part instead of one per write.
 * - Waiting times per phase, local day and provider (and arrival hour for arrival → out) as a histogram of whole minutes
 *   (`report_wait_days`): a period's median and 90th percentile come out of the summed histogram exactly
 *   (to the minute). Visits mark their local date.
 * - Available minutes per provider and local day (`report_available_days`), a cache filled by the read that
 *   needs a day: any change of hours, time off, extra hours, holidays or the clinic's zone deletes the days
 *   it can touch (all of a template's validity; the whole cache for a zone change), so a day present is
 *   always what the rules give today, DST and holidays included (the same providerDay does the expansion).
 * - An index on invoices' payer for the payer filter's list.
 * The aggregate state is cleared, so the first read rebuilds everything with the new tables.
 */
export const migration0037: Migration = {
  version: 37,
  name: 'report_aggregates_keyed',
  up(db) {
    db.exec(`
      ${DROPPED.map((name) => `DROP TRIGGER ${name};`).join('\n')}
      DROP TABLE report_dirty_days;
      CREATE TABLE report_dirty_days (
        part TEXT NOT NULL CHECK (part IN ('appointments', 'patients', 'money', 'visits')),
        -- appointments, patients: the UTC date of the instant; money, visits: the clinic's local date.
        day TEXT NOT NULL,
        PRIMARY KEY (part, day)
      ) WITHOUT ROWID, STRICT;
      -- Phase first: the dashboard reads one phase over a year, a contiguous range of the key.
      -- hour is -1 on the phases' rows; the 'byHour' rows hold arrival → out per clinic hour of arrival.
      CREATE TABLE report_wait_days (
        phase TEXT NOT NULL,
        day TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        hour INTEGER NOT NULL,
        minutes INTEGER NOT NULL,
        visits INTEGER NOT NULL,
        PRIMARY KEY (phase, day, provider_id, hour, minutes)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE report_available_days (
        provider_id TEXT NOT NULL,
        day TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        PRIMARY KEY (provider_id, day)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX invoices_payer ON invoices (payer) WHERE payer IS NOT NULL;
      DELETE FROM report_aggregate_state;
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
        onDate('money', `${row}.issued_on`),
      )}
      ${triggers('payments', 'payments', 'counts_for, amount_minor, method_kind', (row) =>
        onDate('money', `${row}.counts_for`),
      )}
      ${triggers('refunds', 'refunds', 'counts_for, amount_minor, method_kind', (row) =>
        onDate('money', `${row}.counts_for`),
      )}
      ${triggers('adjustments', 'adjustments', 'counts_for, amount_minor', (row) =>
        onDate('money', `${row}.counts_for`),
      )}
      ${triggers('reversals', 'reversals', 'counts_for, amount_minor, target_id', (row) =>
        onDate('money', `${row}.counts_for`),
      )}
      ${triggers(
        'visits',
        'visits',
        'status, local_date, provider_id, arrived_at, roomed_at, seen_at, checked_out_at, deleted_at',
        (row) => onDate('visits', `${row}.local_date`),
      )}
      CREATE TRIGGER report_dirty_appointment_provider AFTER UPDATE OF provider_id ON appointments BEGIN
        INSERT OR IGNORE INTO report_dirty_days (part, day)
          SELECT 'money', issued_on FROM invoices WHERE appointment_id = new.id AND issued_on IS NOT NULL;
      END;
      CREATE TRIGGER report_dirty_visit_provider AFTER UPDATE OF provider_id ON visits BEGIN
        INSERT OR IGNORE INTO report_dirty_days (part, day)
          SELECT 'money', issued_on FROM invoices WHERE visit_id = new.id AND issued_on IS NOT NULL;
      END;
      ${forget(
        'availability_templates',
        'templates',
        'provider_id, location_id, weekday, start_time, end_time, breaks, valid_from, valid_until, deleted_at',
        (row) =>
          `provider_id = ${row}.provider_id AND day >= coalesce(${row}.valid_from, '') AND day <= coalesce(${row}.valid_until, '9999-12-31')`,
      )}
      ${forget(
        'availability_exceptions',
        'exceptions',
        'provider_id, location_id, kind, date, end_date, start_time, end_time, deleted_at',
        (row) => `provider_id = ${row}.provider_id AND day >= ${row}.date AND day <= ${row}.end_date`,
      )}
      ${forget('clinic_holidays', 'holidays', 'date, location_id, deleted_at', (row) => `day = ${row}.date`)}
      CREATE TRIGGER report_available_zone AFTER UPDATE OF time_zone ON clinic_settings BEGIN
        DELETE FROM report_available_days;
      END;
    `);
  },
};
