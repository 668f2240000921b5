import { v7 as uuidv7 } from 'uuid';
import type { Migration } from './types';

/**
 * Billing: set-up (settings, this desk's invoice series, taxes, services, fee schedules and their
 * prices, each appointment type's services, payment methods), invoices and credit notes with their
 * lines, the money ledger (payments, allocations, refunds, reversals, adjustments), cash drawers,
 * insurance claims with their history and remittances, and a cache of each invoice's open amounts.
 *
 * Immutability is the database's job, not only the code's:
 * - an issued invoice and its lines refuse UPDATE; invoices and lines refuse DELETE (a draft is
 *   discarded with deleted_at, a draft's line removed with deleted_at); no line is added to an issued invoice;
 * - payments, allocations, refunds, reversals, adjustments, claim events, remittances and closed
 *   drawers' counts are insert-only (UPDATE and DELETE refused by trigger);
 * - a closed drawer refuses every UPDATE; numbers are UNIQUE and the series counter only goes up.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'billing',
  up(db, now) {
    db.exec(`
      CREATE TABLE billing_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        clinic_address TEXT,
        tax_number TEXT,
        -- How amounts are written and read (1,234.50 or 1.234,50).
        locale TEXT NOT NULL DEFAULT 'en-GB',
        tax_rounding TEXT NOT NULL DEFAULT 'per_line' CHECK (tax_rounding IN ('per_line', 'per_invoice')),
        -- Nothing is entered, reversed or counted on this date or before.
        lock_date TEXT CHECK (lock_date IS NULL OR lock_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
        number_digits INTEGER NOT NULL DEFAULT 6 CHECK (number_digits BETWEEN 4 AND 10),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- This workstation (local, never synced): its id, name and invoice series prefix.
      CREATE TABLE billing_desk (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        desk_id TEXT NOT NULL,
        name TEXT NOT NULL,
        series_prefix TEXT NOT NULL CHECK (length(series_prefix) BETWEEN 1 AND 6 AND series_prefix NOT GLOB '*[^A-Z0-9]*'),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- The next number of each series; it only ever goes up.
      CREATE TABLE invoice_series (
        prefix TEXT PRIMARY KEY,
        next_number INTEGER NOT NULL CHECK (next_number >= 1),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER invoice_series_up BEFORE UPDATE ON invoice_series WHEN NEW.next_number < OLD.next_number
      BEGIN SELECT RAISE(ABORT, 'invoice numbers are never reused'); END;
      CREATE TRIGGER invoice_series_no_delete BEFORE DELETE ON invoice_series
      BEGIN SELECT RAISE(ABORT, 'invoice numbers are never reused'); END;

      CREATE TABLE taxes (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        rate_ppm INTEGER NOT NULL CHECK (rate_ppm BETWEEN 0 AND 1000000),
        inclusive INTEGER NOT NULL CHECK (inclusive IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX taxes_name ON taxes (name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        default_price_minor INTEGER NOT NULL CHECK (default_price_minor >= 0),
        tax_id TEXT REFERENCES taxes(id),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX services_code ON services (code COLLATE NOCASE) WHERE deleted_at IS NULL;

      -- payer NULL: the self-pay schedule. Otherwise matched to a policy's payer, ignoring case.
      CREATE TABLE fee_schedules (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        payer TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX fee_schedules_name ON fee_schedules (name COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX fee_schedules_payer ON fee_schedules (lower(coalesce(payer, ''))) WHERE deleted_at IS NULL AND active = 1;

      CREATE TABLE fee_schedule_prices (
        schedule_id TEXT NOT NULL REFERENCES fee_schedules(id),
        service_id TEXT NOT NULL REFERENCES services(id),
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (schedule_id, service_id)
      ) STRICT;

      CREATE TABLE appointment_type_services (
        type_id TEXT NOT NULL REFERENCES appointment_types(id),
        service_id TEXT NOT NULL REFERENCES services(id),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (type_id, service_id)
      ) STRICT;

      CREATE TABLE payment_methods (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'cheque', 'bank_transfer', 'insurance', 'other')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX payment_methods_name ON payment_methods (name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE invoices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
        patient_id TEXT NOT NULL REFERENCES patients(id),
        visit_id TEXT REFERENCES visits(id),
        appointment_id TEXT REFERENCES appointments(id),
        credits_invoice_id TEXT REFERENCES invoices(id),
        fee_schedule_id TEXT REFERENCES fee_schedules(id),
        policy_id TEXT REFERENCES patient_insurance(id),
        payer TEXT,
        number TEXT UNIQUE,
        series_prefix TEXT,
        desk_id TEXT,
        currency TEXT NOT NULL,
        tax_rounding TEXT NOT NULL CHECK (tax_rounding IN ('per_line', 'per_invoice')),
        subtotal_minor INTEGER NOT NULL DEFAULT 0,
        tax_minor INTEGER NOT NULL DEFAULT 0,
        total_minor INTEGER NOT NULL DEFAULT 0,
        insurer_minor INTEGER NOT NULL DEFAULT 0,
        patient_minor INTEGER NOT NULL DEFAULT 0,
        issued_on TEXT,
        due_on TEXT,
        issued_at INTEGER,
        issued_by TEXT REFERENCES users(id),
        issued_by_name TEXT,
        reason TEXT,
        created_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK ((status = 'issued') = (number IS NOT NULL AND issued_on IS NOT NULL AND issued_at IS NOT NULL)),
        CHECK ((kind = 'credit_note') = (credits_invoice_id IS NOT NULL)),
        CHECK (status = 'draft' OR deleted_at IS NULL),
        CHECK (insurer_minor >= 0 AND patient_minor >= 0 AND total_minor = insurer_minor + patient_minor),
        CHECK (total_minor = subtotal_minor + tax_minor)
      ) STRICT;
      CREATE INDEX invoices_patient ON invoices (patient_id, created_at);
      CREATE INDEX invoices_visit ON invoices (visit_id) WHERE visit_id IS NOT NULL;
      CREATE INDEX invoices_appointment ON invoices (appointment_id) WHERE appointment_id IS NOT NULL;
      CREATE INDEX invoices_credits ON invoices (credits_invoice_id) WHERE credits_invoice_id IS NOT NULL;
      CREATE INDEX invoices_issued ON invoices (issued_on) WHERE status = 'issued';
      -- One open draft per visit and per appointment: two desks building the same visit's invoice get one.
      CREATE UNIQUE INDEX invoices_visit_draft ON invoices (visit_id)
        WHERE visit_id IS NOT NULL AND status = 'draft' AND kind = 'invoice' AND deleted_at IS NULL;
      CREATE UNIQUE INDEX invoices_appointment_draft ON invoices (appointment_id)
        WHERE appointment_id IS NOT NULL AND status = 'draft' AND kind = 'invoice' AND deleted_at IS NULL;
      CREATE TRIGGER invoices_issued_frozen BEFORE UPDATE ON invoices WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'an issued invoice never changes: issue a credit note'); END;
      CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
      BEGIN SELECT RAISE(ABORT, 'invoices are never deleted'); END;

      CREATE TABLE invoice_lines (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        position INTEGER NOT NULL,
        service_id TEXT REFERENCES services(id),
        code TEXT,
        description TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
        discount_minor INTEGER NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
        discount_reason TEXT,
        tax_id TEXT REFERENCES taxes(id),
        tax_name TEXT,
        tax_rate_ppm INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
        tax_inclusive INTEGER NOT NULL DEFAULT 0 CHECK (tax_inclusive IN (0, 1)),
        amount_minor INTEGER NOT NULL,
        net_minor INTEGER NOT NULL,
        tax_minor INTEGER NOT NULL,
        total_minor INTEGER NOT NULL,
        insurer_minor INTEGER NOT NULL DEFAULT 0 CHECK (insurer_minor >= 0),
        patient_minor INTEGER NOT NULL,
        credits_line_id TEXT REFERENCES invoice_lines(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (discount_minor = 0 OR discount_reason IS NOT NULL),
        CHECK (amount_minor = quantity * unit_price_minor - discount_minor AND amount_minor >= 0),
        CHECK (total_minor = net_minor + tax_minor AND patient_minor = total_minor - insurer_minor AND patient_minor >= 0)
      ) STRICT;
      CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position);
      CREATE INDEX invoice_lines_credits ON invoice_lines (credits_line_id) WHERE credits_line_id IS NOT NULL;
      CREATE TRIGGER invoice_lines_issued_frozen BEFORE UPDATE ON invoice_lines
        WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
      BEGIN SELECT RAISE(ABORT, 'an issued invoice never changes: issue a credit note'); END;
      CREATE TRIGGER invoice_lines_issued_closed BEFORE INSERT ON invoice_lines
        WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
      BEGIN SELECT RAISE(ABORT, 'an issued invoice never changes: issue a credit note'); END;
      CREATE TRIGGER invoice_lines_no_delete BEFORE DELETE ON invoice_lines
      BEGIN SELECT RAISE(ABORT, 'invoice lines are never deleted'); END;

      CREATE TABLE drawers (
        id TEXT PRIMARY KEY,
        desk_id TEXT NOT NULL,
        desk_name TEXT NOT NULL,
        business_date TEXT NOT NULL,
        currency TEXT NOT NULL,
        float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
        opened_at INTEGER NOT NULL,
        opened_by TEXT REFERENCES users(id),
        opened_by_name TEXT,
        closed_at INTEGER,
        closed_by TEXT REFERENCES users(id),
        closed_by_name TEXT,
        expected_cash_minor INTEGER,
        counted_cash_minor INTEGER,
        over_short_minor INTEGER,
        over_short_reason TEXT,
        -- JSON array of {denominationMinor, count}.
        counts TEXT CHECK (counts IS NULL OR json_valid(counts)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((closed_at IS NULL) = (counted_cash_minor IS NULL)),
        CHECK (over_short_minor IS NULL OR over_short_minor = 0 OR over_short_reason IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX drawers_open ON drawers (desk_id) WHERE closed_at IS NULL;
      CREATE INDEX drawers_date ON drawers (business_date, desk_id);
      CREATE TRIGGER drawers_closed_frozen BEFORE UPDATE ON drawers WHEN OLD.closed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a closed drawer never changes'); END;
      CREATE TRIGGER drawers_no_delete BEFORE DELETE ON drawers
      BEGIN SELECT RAISE(ABORT, 'drawers are never deleted'); END;

      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        method_id TEXT NOT NULL REFERENCES payment_methods(id),
        method_kind TEXT NOT NULL,
        reference TEXT,
        tendered_minor INTEGER,
        change_minor INTEGER,
        counts_for TEXT NOT NULL,
        entered_at INTEGER NOT NULL,
        entered_by TEXT REFERENCES users(id),
        entered_by_name TEXT,
        desk_id TEXT NOT NULL,
        drawer_id TEXT REFERENCES drawers(id),
        visit_id TEXT REFERENCES visits(id),
        note TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((tendered_minor IS NULL) = (change_minor IS NULL)),
        CHECK (tendered_minor IS NULL OR (tendered_minor >= amount_minor AND change_minor = tendered_minor - amount_minor)),
        CHECK (method_kind <> 'cash' OR drawer_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX payments_patient ON payments (patient_id, entered_at);
      CREATE INDEX payments_drawer ON payments (drawer_id) WHERE drawer_id IS NOT NULL;
      CREATE INDEX payments_counts_for ON payments (counts_for);

      -- Signed: a positive row applies money to an invoice, a negative one takes it back (a reversal,
      -- a credit note or an insurer's payment that left the patient owing less).
      CREATE TABLE payment_allocations (
        id TEXT PRIMARY KEY,
        payment_id TEXT NOT NULL REFERENCES payments(id),
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        patient_id TEXT NOT NULL REFERENCES patients(id),
        amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
        cause TEXT NOT NULL CHECK (cause IN ('payment', 'credit', 'release', 'reversal')),
        at INTEGER NOT NULL,
        by_user TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX payment_allocations_payment ON payment_allocations (payment_id);
      CREATE INDEX payment_allocations_invoice ON payment_allocations (invoice_id);
      CREATE INDEX payment_allocations_patient ON payment_allocations (patient_id, at);

      CREATE TABLE refunds (
        id TEXT PRIMARY KEY,
        payment_id TEXT NOT NULL REFERENCES payments(id),
        patient_id TEXT NOT NULL REFERENCES patients(id),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        method_id TEXT NOT NULL REFERENCES payment_methods(id),
        method_kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        counts_for TEXT NOT NULL,
        entered_at INTEGER NOT NULL,
        entered_by TEXT REFERENCES users(id),
        entered_by_name TEXT,
        desk_id TEXT NOT NULL,
        drawer_id TEXT REFERENCES drawers(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (method_kind <> 'cash' OR drawer_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX refunds_payment ON refunds (payment_id);
      CREATE INDEX refunds_patient ON refunds (patient_id, entered_at);
      CREATE INDEX refunds_drawer ON refunds (drawer_id) WHERE drawer_id IS NOT NULL;

      CREATE TABLE adjustments (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        reason_code TEXT NOT NULL,
        note TEXT,
        counts_for TEXT NOT NULL,
        entered_at INTEGER NOT NULL,
        entered_by TEXT REFERENCES users(id),
        entered_by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX adjustments_patient ON adjustments (patient_id, entered_at);
      CREATE INDEX adjustments_invoice ON adjustments (invoice_id);

      -- A reversal undoes one payment or one adjustment, once; the amount is the original's.
      CREATE TABLE reversals (
        id TEXT PRIMARY KEY,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('payment', 'adjustment')),
        target_id TEXT NOT NULL UNIQUE,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        method_kind TEXT,
        reason TEXT NOT NULL,
        counts_for TEXT NOT NULL,
        entered_at INTEGER NOT NULL,
        entered_by TEXT REFERENCES users(id),
        entered_by_name TEXT,
        desk_id TEXT NOT NULL,
        drawer_id TEXT REFERENCES drawers(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX reversals_patient ON reversals (patient_id, entered_at);
      CREATE INDEX reversals_drawer ON reversals (drawer_id) WHERE drawer_id IS NOT NULL;

      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        patient_id TEXT NOT NULL REFERENCES patients(id),
        policy_id TEXT NOT NULL REFERENCES patient_insurance(id),
        payer TEXT NOT NULL,
        member_id TEXT NOT NULL,
        sequence TEXT NOT NULL CHECK (sequence IN ('primary', 'secondary')),
        primary_claim_id TEXT REFERENCES claims(id),
        status TEXT NOT NULL,
        status_at INTEGER NOT NULL,
        submitted_on TEXT,
        payer_reference TEXT,
        billed_minor INTEGER NOT NULL CHECK (billed_minor >= 0),
        created_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((sequence = 'secondary') = (primary_claim_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX claims_status ON claims (status, status_at);
      CREATE INDEX claims_invoice ON claims (invoice_id);
      CREATE INDEX claims_patient ON claims (patient_id);
      CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
      BEGIN SELECT RAISE(ABORT, 'claims are never deleted'); END;

      CREATE TABLE claim_lines (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id),
        invoice_line_id TEXT NOT NULL REFERENCES invoice_lines(id),
        billed_minor INTEGER NOT NULL CHECK (billed_minor >= 0),
        primary_paid_minor INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX claim_lines_claim ON claim_lines (claim_id);

      CREATE TABLE claim_events (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        on_date TEXT NOT NULL,
        at INTEGER NOT NULL,
        by_user TEXT REFERENCES users(id),
        by_name TEXT,
        reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX claim_events_claim ON claim_events (claim_id, at);

      CREATE TABLE claim_remittances (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id),
        received_on TEXT NOT NULL,
        payer_reference TEXT,
        posted_at INTEGER NOT NULL,
        posted_by TEXT REFERENCES users(id),
        posted_by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX claim_remittances_claim ON claim_remittances (claim_id);

      CREATE TABLE claim_remittance_lines (
        id TEXT PRIMARY KEY,
        remittance_id TEXT NOT NULL REFERENCES claim_remittances(id),
        claim_line_id TEXT NOT NULL REFERENCES claim_lines(id),
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        patient_id TEXT NOT NULL REFERENCES patients(id),
        sequence TEXT NOT NULL CHECK (sequence IN ('primary', 'secondary')),
        allowed_minor INTEGER NOT NULL CHECK (allowed_minor >= 0),
        paid_minor INTEGER NOT NULL CHECK (paid_minor >= 0),
        adjustment_minor INTEGER NOT NULL CHECK (adjustment_minor >= 0),
        adjustment_code TEXT,
        patient_minor INTEGER NOT NULL CHECK (patient_minor >= 0),
        at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (adjustment_minor = 0 OR adjustment_code IS NOT NULL)
      ) STRICT;
      CREATE INDEX claim_remittance_lines_remittance ON claim_remittance_lines (remittance_id);
      CREATE INDEX claim_remittance_lines_claim_line ON claim_remittance_lines (claim_line_id);
      CREATE INDEX claim_remittance_lines_invoice ON claim_remittance_lines (invoice_id);
      CREATE INDEX claim_remittance_lines_patient ON claim_remittance_lines (patient_id, at);

      -- A cache of each issued invoice's open amounts (local, rebuilt from the rows above; a test
      -- proves it equal to them): A/R ageing reads only the open rows instead of summing every ledger.
      CREATE TABLE invoice_balances (
        invoice_id TEXT PRIMARY KEY REFERENCES invoices(id),
        patient_id TEXT NOT NULL REFERENCES patients(id),
        issued_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        payer TEXT,
        patient_due_minor INTEGER NOT NULL,
        patient_settled_minor INTEGER NOT NULL,
        insurer_due_minor INTEGER NOT NULL,
        patient_open_minor INTEGER GENERATED ALWAYS AS (patient_due_minor - patient_settled_minor) STORED,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX invoice_balances_patient_open ON invoice_balances (patient_id, issued_on) WHERE patient_open_minor <> 0;
      CREATE INDEX invoice_balances_open ON invoice_balances (issued_on, patient_id, patient_open_minor) WHERE patient_open_minor <> 0;
      CREATE INDEX invoice_balances_insurer_open ON invoice_balances (payer, issued_on, insurer_due_minor) WHERE insurer_due_minor <> 0;
    `);
    for (const table of [
      'payments',
      'payment_allocations',
      'refunds',
      'adjustments',
      'reversals',
      'claim_events',
      'claim_remittances',
      'claim_remittance_lines',
      'claim_lines',
    ]) {
      db.exec(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
        CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
      `);
    }
    db.prepare('INSERT INTO billing_settings (id, created_at, updated_at) VALUES (1, ?, ?)').run(now, now);
    db.prepare(
      "INSERT INTO billing_desk (id, desk_id, name, series_prefix, created_at, updated_at) VALUES (1, ?, 'Front desk', 'A', ?, ?)",
    ).run(uuidv7(), now, now);
    const method = db.prepare(
      'INSERT INTO payment_methods (id, name, kind, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    [
      ['Cash', 'cash'],
      ['Card', 'card'],
      ['Cheque', 'cheque'],
      ['Bank transfer', 'bank_transfer'],
      ['Insurance', 'insurance'],
      ['Other', 'other'],
    ].forEach(([name, kind], position) => method.run(uuidv7(), name, kind, position, now, now));
    db.prepare(
      "INSERT INTO fee_schedules (id, name, payer, created_at, updated_at) VALUES (?, 'Self-pay', NULL, ?, ?)",
    ).run(uuidv7(), now, now);
  },
};
