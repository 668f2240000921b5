import type { Migration } from './types';

/** Marks a calendar date (a part's day) when it is not null. */
const mark = (part: string, select: string) =>
  `INSERT OR IGNORE INTO report_dirty_days (part, day) SELECT '${part}', day FROM (${select}) WHERE day IS NOT NULL;`;

/**
 * Every day the providers' money of the invoices matching `where` (on `i`, the original invoices) can sit on:
 * their visits' dates, their appointments' start (the UTC date, as the appointments part marks), their own
 * and their credit notes' issue dates, and the dates the payments allocated to them (or to their credit
 * notes) count for. Marking a day too many only recomputes it; one too few would leave it wrong.
 */
function invoiceDays(where: string): string {
  return `
        ${mark('visits', `SELECT v.local_date AS day FROM invoices i JOIN visits v ON v.id = i.visit_id WHERE ${where}`)}
        ${mark(
          'appointments',
          `SELECT date(a.start_at / 1000, 'unixepoch') AS day FROM invoices i JOIN appointments a ON a.id = i.appointment_id WHERE ${where}`,
        )}
        ${mark(
          'money',
          `SELECT i.issued_on AS day FROM invoices i WHERE ${where}
           UNION SELECT c.issued_on FROM invoices i JOIN invoices c ON c.credits_invoice_id = i.id WHERE ${where}
           UNION SELECT p.counts_for FROM invoices i JOIN invoices c ON c.id = i.id OR c.credits_invoice_id = i.id
             JOIN payment_allocations pa ON pa.invoice_id = c.id JOIN payments p ON p.id = pa.payment_id WHERE ${where}`,
        )}`;
}

/**
 * The same for one invoice row as it stands (`row` is new or old; after a delete or an update the table
 * holds the other version, so the row's own links are read from `row`): its own visit, appointment, issue
 * date and allocations, its credit notes' issue dates, and, for a credit note, its original's days.
 */
function invoiceRowDays(row: 'new' | 'old'): string {
  return `
        ${mark('visits', `SELECT local_date AS day FROM visits WHERE id = ${row}.visit_id`)}
        ${mark('appointments', `SELECT date(start_at / 1000, 'unixepoch') AS day FROM appointments WHERE id = ${row}.appointment_id`)}
        ${mark(
          'money',
          `SELECT ${row}.issued_on AS day
           UNION SELECT issued_on FROM invoices WHERE credits_invoice_id = ${row}.id
           UNION SELECT p.counts_for FROM payment_allocations pa JOIN payments p ON p.id = pa.payment_id
             WHERE pa.invoice_id = ${row}.id`,
        )}
        ${invoiceDays(`i.id = ${row}.credits_invoice_id`)}`;
}

function onRows(table: string, name: string, watched: string, body: (row: 'new' | 'old') => string): string {
  return `
      CREATE TRIGGER report_money_${name}_insert AFTER INSERT ON ${table} BEGIN ${body('new')} END;
      CREATE TRIGGER report_money_${name}_update AFTER UPDATE OF ${watched} ON ${table}
        BEGIN ${body('old')} ${body('new')} END;
      CREATE TRIGGER report_money_${name}_delete AFTER DELETE ON ${table} BEGIN ${body('old')} END;`;
}

/**
 * Report aggregates, third step (issue 18): the two money figures the reports still read from raw joins.
 * - `report_provider_money_days`: the providers report's money per provider ('' for none) and local day,
 *   by `basis`, the rule that dated it: 'visit' (the visit's clinic date), 'appointment' (the local day of
 *   its start), 'issue' (neither: the issue date) for invoices and credit notes by service date, and
 *   'collected' for payments allocated to invoices by the date the payment counts for. Each basis is
 *   recomputed by the part whose marks move it: visits, appointments, money.
 * - `report_receivable_days`: what is still open (invoice_balances) by issue date, for patients and per
 *   payer for insurers, with the count of open rows and of negative ones. Ageing depends on today, so only
 *   the issue date is stored; the buckets are cut at read time.
 * - `report_appointment_months`: report_appointment_days summed per calendar month, recomputed from them
 *   whenever one of the month's days is, so a year without a series by day reads a dozen months' rows;
 *   `report_wait_months` likewise for the waiting-time histograms.
 * Triggers mark, in the writer's transaction, every day a change can move (over-marking is harmless).
 * The aggregate state is cleared, so the first read rebuilds everything with the new tables.
 */
export const migration0038: Migration = {
  version: 38,
  name: 'report_money_aggregates',
  up(db) {
    db.exec(`
      CREATE TABLE report_provider_money_days (
        day TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        basis TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        PRIMARY KEY (day, provider_id, basis, kind)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE report_receivable_days (
        day TEXT NOT NULL,
        owed_by TEXT NOT NULL CHECK (owed_by IN ('patient', 'insurer')),
        payer TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        open_rows INTEGER NOT NULL,
        negative_rows INTEGER NOT NULL,
        PRIMARY KEY (day, owed_by, payer)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE report_appointment_months (
        month TEXT NOT NULL,
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
        PRIMARY KEY (month, provider_id, type_id, location_id)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE report_wait_months (
        phase TEXT NOT NULL,
        month TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        hour INTEGER NOT NULL,
        minutes INTEGER NOT NULL,
        visits INTEGER NOT NULL,
        PRIMARY KEY (phase, month, provider_id, hour, minutes)
      ) WITHOUT ROWID, STRICT;
      DELETE FROM report_aggregate_state;
      ${onRows(
        'invoice_balances',
        'balances',
        'issued_on, payer, patient_due_minor, patient_settled_minor, insurer_due_minor',
        (row) => mark('money', `SELECT ${row}.issued_on AS day`),
      )}
      ${onRows('payment_allocations', 'allocations', 'invoice_id, payment_id, amount_minor', (row) =>
        mark('money', `SELECT counts_for AS day FROM payments WHERE id = ${row}.payment_id`),
      )}
      ${onRows(
        'invoices',
        'invoices',
        'appointment_id, visit_id, credits_invoice_id, status, kind, issued_on, total_minor',
        (row) => invoiceRowDays(row),
      )}
      ${onRows('appointments', 'appointments', 'provider_id', (row) => invoiceDays(`i.appointment_id = ${row}.id`))}
      ${onRows('visits', 'visits', 'provider_id', (row) => invoiceDays(`i.visit_id = ${row}.id`))}
    `);
  },
};
