import { addDays } from '../../src-shared/scheduling/time';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { pageCacheKibFor } from '../../src-main/core/db/open';
import { newId } from '../../src-main/core/ids';
import { BENCH_USER } from './dataset';
import { BENCH_TODAY } from './scheduling-data';

/**
 * Billing's floors: the same work in hand-written SQL on the unencrypted copy, statements prepared
 * once, writes inside BEGIN IMMEDIATE as the router does (WAL, synchronous = FULL, as ours).
 */

export function floorHandle(file: string): BetterSqlite3.Database {
  const handle = new BetterSqlite3(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma(`cache_size = -${pageCacheKibFor(file)}`);
  return handle;
}

const CREDIT = `
  SELECT p.id, p.amount_minor
    - coalesce((SELECT sum(amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0)
    - coalesce((SELECT sum(amount_minor) FROM refunds f WHERE f.payment_id = p.id), 0) AS free
  FROM payments p WHERE p.patient_id = ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_id = p.id)
  ORDER BY p.entered_at, p.id`;

/** Issuing a draft: its lines' totals recorded, the series' next number, the balance row, the patient's credit applied. */
export class IssueFloor {
  readonly run: (invoiceId: string, now: number) => { number: string; total: number };

  constructor(handle: BetterSqlite3.Database) {
    const userId = handle.prepare('SELECT id FROM users WHERE username = ?').pluck().get(BENCH_USER.username) as string;
    const draft = handle.prepare("SELECT * FROM invoices WHERE id = ? AND status = 'draft' AND deleted_at IS NULL");
    const lines = handle.prepare(
      'SELECT net_minor, tax_minor, total_minor, insurer_minor, patient_minor FROM invoice_lines WHERE invoice_id = ? AND deleted_at IS NULL ORDER BY position',
    );
    const desk = handle.prepare('SELECT desk_id, series_prefix FROM billing_desk WHERE id = 1');
    const series = handle.prepare(
      `INSERT INTO invoice_series (prefix, next_number, created_at, updated_at) VALUES (?, 2, ?, ?)
       ON CONFLICT (prefix) DO UPDATE SET next_number = next_number + 1, updated_at = excluded.updated_at RETURNING next_number`,
    );
    const issue = handle.prepare(
      `UPDATE invoices SET status = 'issued', number = ?, series_prefix = ?, desk_id = ?, issued_on = ?, due_on = ?, issued_at = ?, issued_by = ?,
         issued_by_name = ?, subtotal_minor = ?, tax_minor = ?, total_minor = ?, insurer_minor = ?, patient_minor = ?, updated_at = ? WHERE id = ?`,
    );
    const balance = handle.prepare(
      `INSERT INTO invoice_balances (invoice_id, patient_id, issued_on, due_on, payer, patient_due_minor, patient_settled_minor, insurer_due_minor,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    );
    const credit = handle.prepare(CREDIT);
    const allocate = handle.prepare(
      `INSERT INTO payment_allocations (id, payment_id, invoice_id, patient_id, amount_minor, cause, at, by_user, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'credit', ?, ?, ?, ?)`,
    );
    const settle = handle.prepare(
      'UPDATE invoice_balances SET patient_settled_minor = patient_settled_minor + ?, updated_at = ? WHERE invoice_id = ?',
    );
    const transaction = handle.transaction((invoiceId: string, now: number) => {
      const invoice = draft.get(invoiceId) as { id: string; patient_id: string; payer: string | null } | undefined;
      if (!invoice) throw new Error('floor: no such draft');
      const rows = lines.all(invoiceId) as Record<
        'net_minor' | 'tax_minor' | 'total_minor' | 'insurer_minor' | 'patient_minor',
        number
      >[];
      const sum = (key: keyof (typeof rows)[number]) => rows.reduce((total, row) => total + row[key], 0);
      const { desk_id, series_prefix } = desk.get() as { desk_id: string; series_prefix: string };
      const next = (series.get(series_prefix, now, now) as { next_number: number }).next_number - 1;
      const number = `${series_prefix}-${String(next).padStart(6, '0')}`;
      const due = '2026-07-15';
      issue.run(
        number,
        series_prefix,
        desk_id,
        BENCH_TODAY,
        due,
        now,
        userId,
        BENCH_USER.displayName,
        sum('net_minor'),
        sum('tax_minor'),
        sum('total_minor'),
        sum('insurer_minor'),
        sum('patient_minor'),
        now,
        invoiceId,
      );
      balance.run(
        invoiceId,
        invoice.patient_id,
        BENCH_TODAY,
        due,
        sum('insurer_minor') > 0 ? invoice.payer : null,
        sum('patient_minor'),
        sum('insurer_minor'),
        now,
        now,
      );
      let open = sum('patient_minor');
      for (const row of credit.all(invoice.patient_id) as { id: string; free: number }[]) {
        if (open <= 0) break;
        if (row.free <= 0) continue;
        const amount = Math.min(open, row.free);
        allocate.run(newId(), row.id, invoiceId, invoice.patient_id, amount, now, userId, now, now);
        settle.run(amount, now, invoiceId);
        open -= amount;
      }
      return { number, total: sum('total_minor') };
    });
    this.run = (invoiceId, now) => transaction.immediate(invoiceId, now);
  }
}

/** Taking a card payment: patient, method, drawer, open invoices oldest first, the payment, its allocations, the balances. */
export class PaymentFloor {
  readonly run: (patientId: string, amount: number, methodId: string, now: number) => string[];

  constructor(handle: BetterSqlite3.Database) {
    const userId = handle.prepare('SELECT id FROM users WHERE username = ?').pluck().get(BENCH_USER.username) as string;
    const patient = handle.prepare('SELECT id FROM patients WHERE id = ? AND deleted_at IS NULL');
    const method = handle.prepare('SELECT id, kind FROM payment_methods WHERE id = ? AND deleted_at IS NULL');
    const desk = handle.prepare('SELECT desk_id FROM billing_desk WHERE id = 1');
    const drawer = handle.prepare('SELECT id FROM drawers WHERE desk_id = ? AND closed_at IS NULL');
    const open = handle.prepare(
      `SELECT b.invoice_id, b.patient_open_minor FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
       WHERE b.patient_id = ? AND b.patient_open_minor <> 0 ORDER BY b.issued_on, i.number`,
    );
    const insert = handle.prepare(
      `INSERT INTO payments (id, patient_id, amount_minor, currency, method_id, method_kind, reference, tendered_minor, change_minor, counts_for,
         entered_at, entered_by, entered_by_name, desk_id, drawer_id, visit_id, note, created_at, updated_at)
       VALUES (?, ?, ?, 'GBP', ?, ?, 'TID', NULL, NULL, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
    );
    const allocate = handle.prepare(
      `INSERT INTO payment_allocations (id, payment_id, invoice_id, patient_id, amount_minor, cause, at, by_user, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'payment', ?, ?, ?, ?)`,
    );
    const settle = handle.prepare(
      'UPDATE invoice_balances SET patient_settled_minor = patient_settled_minor + ?, updated_at = ? WHERE invoice_id = ?',
    );
    const transaction = handle.transaction((patientId: string, amount: number, methodId: string, now: number) => {
      if (!patient.get(patientId)) throw new Error('floor: no such patient');
      const m = method.get(methodId) as { id: string; kind: string };
      const { desk_id } = desk.get() as { desk_id: string };
      const d = drawer.get(desk_id) as { id: string } | undefined;
      const id = newId();
      insert.run(
        id,
        patientId,
        amount,
        m.id,
        m.kind,
        BENCH_TODAY,
        now,
        userId,
        BENCH_USER.displayName,
        desk_id,
        d?.id ?? null,
        now,
        now,
      );
      let left = amount;
      const paid: string[] = [];
      for (const row of open.all(patientId) as { invoice_id: string; patient_open_minor: number }[]) {
        if (left <= 0) break;
        if (row.patient_open_minor <= 0) continue;
        const part = Math.min(left, row.patient_open_minor);
        allocate.run(newId(), id, row.invoice_id, patientId, part, now, userId, now, now);
        settle.run(part, now, row.invoice_id);
        paid.push(row.invoice_id);
        left -= part;
      }
      return paid;
    });
    this.run = (patientId, amount, methodId, now) => transaction.immediate(patientId, amount, methodId, now);
  }
}

/** A patient's ledger in one UNION (invoices, payments, reversals, refunds, write-offs, allocations) and the summary sums. */
export class LedgerFloor {
  readonly #rows: BetterSqlite3.Statement;
  readonly #owing: BetterSqlite3.Statement;
  readonly #paid: BetterSqlite3.Statement;

  constructor(handle: BetterSqlite3.Database) {
    this.#rows = handle.prepare(`
      SELECT * FROM (
        SELECT i.id, i.kind, i.issued_at AS at, i.number AS reference, i.patient_minor AS amount, 0 AS rank
          FROM invoices i WHERE i.patient_id = ? AND i.status = 'issued'
        UNION ALL SELECT p.id, 'payment', p.entered_at, m.name, p.amount_minor, 1
          FROM payments p JOIN payment_methods m ON m.id = p.method_id WHERE p.patient_id = ?
        UNION ALL SELECT r.id, 'reversal', r.entered_at, r.reason, r.amount_minor, 3 FROM reversals r WHERE r.patient_id = ?
        UNION ALL SELECT f.id, 'refund', f.entered_at, f.reason, f.amount_minor, 5 FROM refunds f WHERE f.patient_id = ?
        UNION ALL SELECT a.id, 'adjustment', a.entered_at, a.reason_code, a.amount_minor, 6 FROM adjustments a WHERE a.patient_id = ?
        UNION ALL SELECT a.id, 'allocation', a.at, i.number, a.amount_minor, 2
          FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.patient_id = ?
      ) ORDER BY at, rank, id`);
    this.#owing = handle.prepare(
      'SELECT coalesce(sum(patient_open_minor), 0), min(issued_on) FROM invoice_balances WHERE patient_id = ? AND patient_open_minor <> 0',
    );
    this.#paid = handle.prepare(`SELECT
      (SELECT coalesce(sum(amount_minor), 0) FROM payments p WHERE patient_id = ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_id = p.id)),
      (SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE patient_id = ?),
      (SELECT coalesce(sum(amount_minor), 0) FROM payment_allocations WHERE patient_id = ?)`);
  }

  ledger(patientId: string): { entries: number; balance: number } {
    const rows = this.#rows.all(patientId, patientId, patientId, patientId, patientId, patientId) as {
      kind: string;
      amount: number;
    }[];
    let balance = 0;
    for (const row of rows) {
      if (row.kind === 'invoice' || row.kind === 'refund' || row.kind === 'reversal') balance += row.amount;
      else if (row.kind !== 'allocation') balance -= row.amount;
    }
    this.#owing.raw().get(patientId);
    this.#paid.raw().get(patientId, patientId, patientId);
    return { entries: rows.length, balance };
  }
}

/** A drawer's takings by method and its entries with the patients' names. */
export class DrawerFloor {
  readonly #sums: BetterSqlite3.Statement;
  readonly #rows: BetterSqlite3.Statement;
  readonly #drawer: BetterSqlite3.Statement;

  constructor(handle: BetterSqlite3.Database) {
    this.#drawer = handle.prepare('SELECT * FROM drawers WHERE id = ?');
    this.#sums = handle.prepare(`
      SELECT p.method_kind, m.name, 'payment', count(*), sum(p.amount_minor) FROM payments p JOIN payment_methods m ON m.id = p.method_id
        WHERE p.drawer_id = ? GROUP BY p.method_id
      UNION ALL SELECT f.method_kind, m.name, 'refund', count(*), sum(f.amount_minor) FROM refunds f JOIN payment_methods m ON m.id = f.method_id
        WHERE f.drawer_id = ? GROUP BY f.method_id
      UNION ALL SELECT p.method_kind, m.name, 'reversal', count(*), sum(r.amount_minor) FROM reversals r JOIN payments p ON p.id = r.target_id
        JOIN payment_methods m ON m.id = p.method_id WHERE r.drawer_id = ? GROUP BY p.method_id`);
    this.#rows = handle.prepare(`
      SELECT p.id, p.amount_minor, m.name, p.method_kind, p.entered_at, pt.first_name, pt.last_name
      FROM payments p JOIN patients pt ON pt.id = p.patient_id JOIN payment_methods m ON m.id = p.method_id
      WHERE p.drawer_id = ? ORDER BY p.entered_at DESC, p.id DESC`);
  }

  summary(drawerId: string): { rows: number; cash: number } {
    const drawer = this.#drawer.get(drawerId) as { float_minor: number };
    const sums = this.#sums.raw().all(drawerId, drawerId, drawerId) as [string, string, string, number, number][];
    const cash = sums
      .filter((row) => row[0] === 'cash')
      .reduce((total, row) => total + (row[2] === 'payment' ? row[4] : -row[4]), 0);
    return { rows: this.#rows.all(drawerId).length, cash: drawer.float_minor + cash };
  }
}

/** A/R ageing from the open rows of the balance cache, by patient (names for the largest 200) and by payer. */
export class AgeingFloor {
  readonly #patients: BetterSqlite3.Statement;
  readonly #payers: BetterSqlite3.Statement;
  readonly #name: BetterSqlite3.Statement;

  constructor(handle: BetterSqlite3.Database) {
    // Buckets by the issue date against each bucket's first day, as ours does (no date arithmetic per row).
    const buckets = `sum(CASE WHEN issued_on >= @d30 THEN o ELSE 0 END),
      sum(CASE WHEN issued_on < @d30 AND issued_on >= @d60 THEN o ELSE 0 END),
      sum(CASE WHEN issued_on < @d60 AND issued_on >= @d90 THEN o ELSE 0 END),
      sum(CASE WHEN issued_on < @d90 AND issued_on >= @d120 THEN o ELSE 0 END),
      sum(CASE WHEN issued_on < @d120 THEN o ELSE 0 END), sum(o) AS total`;
    this.#patients = handle.prepare(`SELECT patient_id, ${buckets} FROM (SELECT patient_id, patient_open_minor AS o,
        issued_on FROM invoice_balances WHERE patient_open_minor <> 0)
      GROUP BY patient_id HAVING sum(o) > 0 ORDER BY total DESC, patient_id`);
    this.#payers =
      handle.prepare(`SELECT payer, ${buckets} FROM (SELECT coalesce(payer, '') AS payer, insurer_due_minor AS o,
        issued_on FROM invoice_balances WHERE insurer_due_minor <> 0) GROUP BY payer ORDER BY total DESC`);
    this.#name = handle.prepare('SELECT first_name, last_name, mrn FROM patients WHERE id = ?');
  }

  ageing(today: string): { patients: number; total: number } {
    const starts = {
      d30: addDays(today, -30),
      d60: addDays(today, -60),
      d90: addDays(today, -90),
      d120: addDays(today, -120),
    };
    const rows = this.#patients.raw().all(starts) as [string, number, number, number, number, number, number][];
    let total = 0;
    for (const row of rows) total += row[6];
    for (const row of rows.slice(0, 200)) this.#name.get(row[0]);
    this.#payers.raw().all(starts);
    return { patients: rows.length, total };
  }
}
