import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { makeRandom } from '../../src-main/core/patients/seed';
import { addDays, localDateOf } from '../../src-shared/scheduling/time';
import { BENCH_TODAY, BENCH_ZONE, benchNow } from './scheduling-data';

/**
 * The billing half of the bench data, seeded once with the rest and cached: every completed
 * appointment invoiced (one line: its type's service, numbered A-000001… in order of the visits),
 * 90% of them paid in full on the day (card, cheque or transfer: no cash drawer is needed for the
 * past), 5% half paid and 5% not at all; one in ten of the last 120 days' invoices insured by Acme
 * Health for 70% (the insurer's part still open). One patient's account is grown to at least 200
 * ledger entries, and today's drawer at the desk is open holding 500 payments. The rows are the ones
 * the procedures write, with the balance cache filled in step (a unit test holds cache and rows equal).
 */

export const LEDGER_ENTRIES = 200;
export const DRAWER_PAYMENTS = 500;

export interface BillingSeed {
  invoices: number;
  payments: number;
  openInvoices: number;
  /** The patient whose account has at least LEDGER_ENTRIES entries. */
  ledgerPatientId: string;
  ledgerEntries: number;
  drawerId: string;
}

interface Completed {
  id: string | null;
  patient_id: string;
  type_id: string;
  start_at: number;
  end_at: number;
}

export function seedBilling(
  handle: BetterSqlite3.Database,
  seed: number,
  userId: string,
  username: string,
): BillingSeed {
  const random = makeRandom(seed ^ 0xb111);
  const now = Date.now();
  const types = handle
    .prepare('SELECT id, name, default_price_minor FROM appointment_types WHERE deleted_at IS NULL')
    .all() as {
    id: string;
    name: string;
    default_price_minor: number | null;
  }[];
  const serviceOf = new Map<string, { id: string; code: string; name: string; price: number }>();
  const methods = new Map(
    (handle.prepare('SELECT id, kind FROM payment_methods').all() as { id: string; kind: string }[]).map((m) => [
      m.kind,
      m.id,
    ]),
  );
  const deskId = handle.prepare('SELECT desk_id FROM billing_desk').pluck().get() as string;
  const selfPay = handle.prepare('SELECT id FROM fee_schedules WHERE payer IS NULL').pluck().get() as string;
  const acme = uuidv7();

  const insertInvoice = handle.prepare(`
    INSERT INTO invoices (id, kind, status, patient_id, visit_id, appointment_id, credits_invoice_id, fee_schedule_id, policy_id, payer,
      number, series_prefix, desk_id, currency, tax_rounding, subtotal_minor, tax_minor, total_minor, insurer_minor, patient_minor,
      issued_on, due_on, issued_at, issued_by, issued_by_name, reason, created_by, created_at, updated_at, deleted_at)
    VALUES (?, 'invoice', 'draft', ?, NULL, ?, NULL, ?, NULL, ?, NULL, NULL, NULL, 'GBP', 'per_line', ?, 0, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, NULL)`);
  // Lines go in while the invoice is a draft (the trigger refuses lines on an issued one), then it is issued.
  const issue = handle.prepare(`
    UPDATE invoices SET status = 'issued', number = ?, series_prefix = 'A', desk_id = ?, issued_on = ?, due_on = ?, issued_at = ?,
      issued_by = ?, issued_by_name = 'Bench Runner' WHERE id = ?`);
  const insertLine = handle.prepare(`
    INSERT INTO invoice_lines (id, invoice_id, position, service_id, code, description, quantity, unit_price_minor, discount_minor,
      discount_reason, tax_id, tax_name, tax_rate_ppm, tax_inclusive, amount_minor, net_minor, tax_minor, total_minor, insurer_minor,
      patient_minor, credits_line_id, created_at, updated_at, deleted_at)
    VALUES (?, ?, 0, ?, ?, ?, 1, ?, 0, NULL, NULL, NULL, 0, 0, ?, ?, 0, ?, ?, ?, NULL, ?, ?, NULL)`);
  const insertBalance = handle.prepare(`
    INSERT INTO invoice_balances (invoice_id, patient_id, issued_on, due_on, payer, patient_due_minor, patient_settled_minor,
      insurer_due_minor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPayment = handle.prepare(`
    INSERT INTO payments (id, patient_id, amount_minor, currency, method_id, method_kind, reference, tendered_minor, change_minor,
      counts_for, entered_at, entered_by, entered_by_name, desk_id, drawer_id, visit_id, note, created_at, updated_at)
    VALUES (?, ?, ?, 'GBP', ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`);
  const insertAllocation = handle.prepare(`
    INSERT INTO payment_allocations (id, payment_id, invoice_id, patient_id, amount_minor, cause, at, by_user, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'payment', ?, ?, ?, ?)`);

  const setUp = handle.transaction(() => {
    types.forEach((type, index) => {
      const service = { id: uuidv7(), code: `S${index + 1}`, name: type.name, price: type.default_price_minor ?? 5000 };
      serviceOf.set(type.id, service);
      handle
        .prepare(
          'INSERT INTO services (id, code, name, default_price_minor, tax_id, active, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 1, ?, ?)',
        )
        .run(service.id, service.code, service.name, service.price, now, now);
      handle
        .prepare(
          'INSERT INTO appointment_type_services (type_id, service_id, quantity, position, created_at, updated_at) VALUES (?, ?, 1, 0, ?, ?)',
        )
        .run(type.id, service.id, now, now);
    });
    handle
      .prepare(
        "INSERT INTO fee_schedules (id, name, payer, active, created_at, updated_at) VALUES (?, 'Acme Health', 'Acme Health', 1, ?, ?)",
      )
      .run(acme, now, now);
  });
  setUp();

  let number = 0;
  let payments = 0;
  let open = 0;
  const kinds = ['card', 'card', 'card', 'cheque', 'bank_transfer'];
  const insuredFrom = addDays(BENCH_TODAY, -120);
  const invoice = (row: Completed) => {
    const service = serviceOf.get(row.type_id);
    if (!service) return;
    number += 1;
    const id = uuidv7();
    const issuedOn = localDateOf(BENCH_ZONE, row.start_at);
    const dueOn = addDays(issuedOn, 30);
    const price = service.price;
    const insured = issuedOn >= insuredFrom && random() < 0.1;
    const insurer = insured ? Math.floor((price * 7) / 10) : 0;
    const patientPart = price - insurer;
    insertInvoice.run(
      id,
      row.patient_id,
      row.id,
      insured ? acme : selfPay,
      insured ? 'Acme Health' : null,
      price,
      price,
      insurer,
      patientPart,
      userId,
      row.end_at,
      row.end_at,
    );
    insertLine.run(
      uuidv7(),
      id,
      service.id,
      service.code,
      service.name,
      price,
      price,
      price,
      price,
      insurer,
      patientPart,
      row.end_at,
      row.end_at,
    );
    issue.run(`A-${String(number).padStart(6, '0')}`, deskId, issuedOn, dueOn, row.end_at, userId, id);
    const r = random();
    const paid = r < 0.9 ? patientPart : r < 0.95 ? Math.floor(patientPart / 2) : 0;
    if (paid < patientPart) open += 1;
    if (paid > 0) {
      const kind = kinds[Math.floor(random() * kinds.length)] ?? 'card';
      const paymentId = uuidv7();
      const at = row.end_at + 60_000;
      insertPayment.run(
        paymentId,
        row.patient_id,
        paid,
        methods.get(kind) ?? '',
        kind,
        null,
        issuedOn,
        at,
        userId,
        username,
        deskId,
        null,
        at,
        at,
      );
      insertAllocation.run(uuidv7(), paymentId, id, row.patient_id, paid, at, userId, at, at);
      payments += 1;
    }
    insertBalance.run(
      id,
      row.patient_id,
      issuedOn,
      dueOn,
      insurer > 0 ? 'Acme Health' : null,
      patientPart,
      paid,
      insurer,
      row.end_at,
      row.end_at,
    );
  };

  // Read first: better-sqlite3 cannot write on a connection while a statement is still iterating.
  const completed = handle
    .prepare(
      "SELECT id, patient_id, type_id, start_at, end_at FROM appointments WHERE status = 'completed' AND deleted_at IS NULL ORDER BY start_at, id",
    )
    .all() as Completed[];
  const flush = handle.transaction((rows: Completed[]) => {
    for (const row of rows) invoice(row);
  });
  for (let from = 0; from < completed.length; from += 20_000) flush(completed.slice(from, from + 20_000));

  // One account grown to LEDGER_ENTRIES entries: invoice, payment and allocation, one a week back from last month.
  // A small dataset may have no completed visit to bill: then the first patient's account is grown from nothing.
  const ledgerPatientId = (handle
    .prepare('SELECT patient_id FROM invoices ORDER BY patient_id LIMIT 1')
    .pluck()
    .get() ?? handle.prepare('SELECT id FROM patients ORDER BY id LIMIT 1').pluck().get()) as string;
  const countEntries = () =>
    (handle.prepare('SELECT count(*) FROM invoices WHERE patient_id = ?').pluck().get(ledgerPatientId) as number) +
    (handle.prepare('SELECT count(*) FROM payments WHERE patient_id = ?').pluck().get(ledgerPatientId) as number) +
    (handle
      .prepare('SELECT count(*) FROM payment_allocations WHERE patient_id = ?')
      .pluck()
      .get(ledgerPatientId) as number);
  const typeId = types[0]?.id ?? '';
  const grow = handle.transaction(() => {
    for (let week = 1; countEntries() < LEDGER_ENTRIES; week += 1) {
      const start = benchNow() - (30 + 7 * week) * 86_400_000;
      invoice({ id: null, patient_id: ledgerPatientId, type_id: typeId, start_at: start, end_at: start + 1_800_000 });
    }
  });
  grow();

  // Today's drawer at the desk, open, with DRAWER_PAYMENTS payments (cash and card, left as credit).
  const drawerId = uuidv7();
  const opened = benchNow() - 3 * 3_600_000;
  const patients = handle
    .prepare('SELECT id FROM patients WHERE deleted_at IS NULL AND merged_into_id IS NULL ORDER BY id LIMIT ?')
    .pluck()
    .all(DRAWER_PAYMENTS) as string[];
  const drawer = handle.transaction(() => {
    handle
      .prepare(
        `INSERT INTO drawers (id, desk_id, desk_name, business_date, currency, float_minor, opened_at, opened_by, opened_by_name,
          created_at, updated_at) VALUES (?, ?, 'Front desk', ?, 'GBP', 10000, ?, ?, 'Bench Runner', ?, ?)`,
      )
      .run(drawerId, deskId, BENCH_TODAY, opened, userId, opened, opened);
    patients.forEach((patientId, index) => {
      const kind = random() < 0.6 ? 'cash' : 'card';
      const at = opened + index * 10_000;
      insertPayment.run(
        uuidv7(),
        patientId,
        1000 + Math.floor(random() * 9000),
        methods.get(kind) ?? '',
        kind,
        null,
        BENCH_TODAY,
        at,
        userId,
        username,
        deskId,
        drawerId,
        at,
        at,
      );
    });
  });
  drawer();
  handle
    .prepare("INSERT INTO invoice_series (prefix, next_number, created_at, updated_at) VALUES ('A', ?, ?, ?)")
    .run(number + 1, now, now);
  return {
    invoices: number,
    payments: payments + patients.length,
    openInvoices: open,
    ledgerPatientId,
    ledgerEntries: countEntries(),
    drawerId,
  };
}
