import type { Migration } from './types';

/**
 * The money days (issue dates, the dates payments count for) of the invoices matching `where` on `i`, their
 * credit notes and the payments allocated to either: every day a narrowed revenue cell of theirs sits on.
 */
function moneyDaysOf(where: string): string {
  return `
        INSERT OR IGNORE INTO report_dirty_days (part, day)
          SELECT 'money', day FROM (
            SELECT i.issued_on AS day FROM invoices i WHERE ${where}
            UNION SELECT c.issued_on FROM invoices i JOIN invoices c ON c.credits_invoice_id = i.id WHERE ${where}
            UNION SELECT p.counts_for FROM invoices i JOIN invoices c ON c.id = i.id OR c.credits_invoice_id = i.id
              JOIN payment_allocations pa ON pa.invoice_id = c.id JOIN payments p ON p.id = pa.payment_id
              WHERE ${where})
          WHERE day IS NOT NULL;`;
}

/** The narrowed revenue by period and every key a narrowing reads, with one index per narrowing. */
const revenueCellTable = (name: string, period: string) => `
      CREATE TABLE ${name} (
        ${period} TEXT NOT NULL,
        basis TEXT NOT NULL CHECK (basis IN ('issued', 'collected')),
        kind TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        location_id TEXT NOT NULL,
        type_id TEXT NOT NULL,
        payer TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        PRIMARY KEY (${period}, basis, kind, provider_id, location_id, type_id, payer)
      ) WITHOUT ROWID, STRICT;
      -- Each narrowing's periods read from its own index, the amount in it (the key's columns are in every index).
      CREATE INDEX ${name}_location ON ${name} (location_id, ${period}, amount_minor);
      CREATE INDEX ${name}_type ON ${name} (type_id, ${period}, amount_minor);
      CREATE INDEX ${name}_payer ON ${name} (payer, ${period}, amount_minor);`;

/** The waiting-time histograms by place, day, provider, phase, hour and minutes (the place is a narrowing's key). */
const waitPlaceTable = (name: string, period: string) => `
      CREATE TABLE ${name} (
        place TEXT NOT NULL,
        ${period} TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        phase TEXT NOT NULL,
        hour INTEGER NOT NULL,
        minutes INTEGER NOT NULL,
        visits INTEGER NOT NULL,
        PRIMARY KEY (place, ${period}, provider_id, phase, hour, minutes)
      ) WITHOUT ROWID, STRICT;
      -- A period's rows are replaced whatever their places.
      CREATE INDEX ${name}_${period} ON ${name} (${period});`;

/**
 * Issue 18: the revenue report and waiting times narrowed by location or type (and revenue by payer) read
 * the raw rows, one appointment lookup per invoice, applied payment or visit (40–60 ms p95 for a month's
 * revenue at full size, against 20; a year's dashboard at a location reads a year of visits).
 * `report_revenue_cells` keeps the narrowed figures per local day, by every key the narrowing reads: the
 * invoice's provider ('' for none), its appointment's location and type ('' when it has none), its payer
 * (a credit note's is the credited invoice's; '' for self-pay). `basis` 'issued' holds invoices and credit
 * notes by issue date (`kind`: the invoice's kind); 'collected' the payments allocated to them by the date the
 * payment counts for (`kind`: the method's kind); `report_revenue_cell_months` sums them per calendar month
 * for reads with no series by day (the dashboard's year). Both sit on the money part's days, so the money part
 * recomputes them (reports/revenue-cell-repository.ts); the triggers below mark what those marks missed,
 * an appointment's location or type and a visit's appointment changing, as another desk's change writes
 * them (only the columns that changed). An issued invoice's payer never changes (a trigger refuses it), and
 * issuing marks its days. An insurer's remittances are still read from the claims (few rows).
 *
 * `report_wait_place_days` and `report_wait_place_months` hold the waiting-time histograms of
 * report_wait_days and report_wait_months once more under each narrowing a visit's appointment answers:
 * `place` is 'l|' + its location, 't|' + its type and 'lt|' + both (a walk-in has none, so no rows), so a
 * narrowed read is one range of the key. The visits part recomputes them with the rest of the day's waits;
 * the appointment trigger marks its visits' days too, and a visit given another appointment its own.
 */
export const migration0044: Migration = {
  version: 44,
  name: 'report_narrowed_aggregates',
  up(db) {
    db.exec(`
      ${revenueCellTable('report_revenue_cells', 'day')}
      ${revenueCellTable('report_revenue_cell_months', 'month')}
      ${waitPlaceTable('report_wait_place_days', 'day')}
      ${waitPlaceTable('report_wait_place_months', 'month')}
      DELETE FROM report_aggregate_state;
      CREATE TRIGGER report_narrowed_appointment_place AFTER UPDATE OF location_id, type_id ON appointments
        WHEN old.location_id IS NOT new.location_id OR old.type_id IS NOT new.type_id BEGIN
        ${moneyDaysOf(`i.appointment_id = new.id`)}
        ${moneyDaysOf(
          `i.appointment_id IS NULL AND i.visit_id IN (SELECT id FROM visits WHERE appointment_id = new.id
            AND status <> 'cancelled' AND deleted_at IS NULL)`,
        )}
        INSERT OR IGNORE INTO report_dirty_days (part, day)
          SELECT 'visits', local_date FROM visits
          WHERE appointment_id = new.id AND status <> 'cancelled' AND deleted_at IS NULL;
      END;
      CREATE TRIGGER report_narrowed_visit_appointment AFTER UPDATE OF appointment_id ON visits
        WHEN old.appointment_id IS NOT new.appointment_id BEGIN
        ${moneyDaysOf(`i.visit_id = new.id`)}
        INSERT OR IGNORE INTO report_dirty_days (part, day) VALUES ('visits', new.local_date);
      END;
    `);
  },
};
