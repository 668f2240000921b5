import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { InvoiceLineRow, InvoiceRow, InvoicesTable, NewInvoiceLine } from '../db/schema-billing';
import type { ReadDb } from '../db/handles';
import { preparedRead, updateRowById } from '../db/prepared';

/** SQL of invoices and credit notes, their lines, and what they are built from (visits, appointments, patients). */

type Db = Kysely<Database>;

export async function insertInvoice(db: Db, row: Insertable<InvoicesTable>): Promise<void> {
  await db.insertInto('invoices').values(row).execute();
}

const invoiceById = preparedRead((db, v: { id: string }) =>
  db.selectFrom('invoices').selectAll().where('id', '=', v.id).where('deleted_at', 'is', null),
);

export async function findInvoice(db: ReadDb, id: string): Promise<InvoiceRow | undefined> {
  return (await invoiceById(db, { id }))[0];
}

/** Changes a draft (the issued-invoice trigger refuses anything else). */
export async function updateInvoice(db: Db, id: string, changes: Partial<InvoiceRow>): Promise<void> {
  await updateRowById(db, 'invoices', id, changes);
}

const linesOfInvoice = preparedRead((db, v: { invoiceId: string }) =>
  db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', v.invoiceId)
    .where('deleted_at', 'is', null)
    .orderBy('position'),
);

/** An invoice's live lines in order (issuing, the invoice's view and its PDF read them: compiled once). */
export function invoiceLines(db: ReadDb, invoiceId: string): Promise<InvoiceLineRow[]> {
  return linesOfInvoice(db, { invoiceId });
}

export async function insertLines(db: Db, rows: NewInvoiceLine[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('invoice_lines').values(rows).execute();
}

export async function updateLine(db: Db, id: string, changes: Partial<InvoiceLineRow>): Promise<void> {
  await db.updateTable('invoice_lines').set(changes).where('id', '=', id).execute();
}

/** A draft's lines taken off: kept, marked deleted (rows are never deleted). */
export async function removeLines(db: Db, ids: string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('invoice_lines').set({ deleted_at: now, updated_at: now }).where('id', 'in', ids).execute();
}

/** The newest live invoice (draft or issued, not a credit note) of a visit. */
export function newestInvoiceFor(db: Db, column: 'visit_id' | 'appointment_id', id: string) {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where(column, '=', id)
    .where('kind', '=', 'invoice')
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Ids of this invoice's lines already credited by an issued credit note. */
export async function creditedLineIds(db: ReadDb, invoiceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('invoice_lines as l')
    .innerJoin('invoices as c', 'c.id', 'l.invoice_id')
    .select('l.credits_line_id')
    .where('c.credits_invoice_id', '=', invoiceId)
    .where('c.status', '=', 'issued')
    .where('l.deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.credits_line_id).filter((id): id is string => id !== null));
}

export function creditNotesOf(db: ReadDb, invoiceId: string) {
  return db
    .selectFrom('invoices')
    .select(['id', 'number', 'total_minor', 'tax_minor', 'insurer_minor', 'patient_minor', 'issued_on'])
    .where('credits_invoice_id', '=', invoiceId)
    .where('status', '=', 'issued')
    .orderBy('issued_at')
    .execute();
}

const patientInvoicesQuery = preparedRead((db, v: { patientId: string }) =>
  db
    .selectFrom('invoices as i')
    .leftJoin('invoice_balances as b', 'b.invoice_id', 'i.id')
    .select([
      'i.id',
      'i.kind',
      'i.status',
      'i.number',
      'i.visit_id',
      'i.appointment_id',
      'i.issued_on',
      'i.total_minor',
      'i.patient_minor',
      'i.created_at',
      'b.patient_open_minor',
    ])
    .where('i.patient_id', '=', v.patientId)
    .where('i.deleted_at', 'is', null)
    .orderBy('i.created_at', 'desc'),
);

export function patientInvoices(db: ReadDb, patientId: string) {
  return patientInvoicesQuery(db, { patientId });
}

const invoiceNumbered = preparedRead((db, v: { number: string }) =>
  db.selectFrom('invoices').select('id').where('number', '=', v.number).limit(1),
);

/** An invoice of any desk already carries this number (seen here once synced); every issue asks. */
export async function invoiceNumberTaken(db: ReadDb, number: string): Promise<boolean> {
  return (await invoiceNumbered(db, { number })).length > 0;
}

const patientBriefRow = preparedRead((db, v: { patientId: string }) =>
  db
    .selectFrom('patients')
    .select([
      'id',
      'first_name',
      'middle_name',
      'last_name',
      'preferred_name',
      'mrn',
      'address_line1',
      'address_line2',
      'city',
      'region',
      'postal_code',
      'country',
      'merged_into_id',
    ])
    .where('id', '=', v.patientId)
    .where('deleted_at', 'is', null),
);

export async function patientBrief(db: ReadDb, patientId: string) {
  return (await patientBriefRow(db, { patientId }))[0];
}

export function patientPolicies(db: Db, patientId: string, today: string) {
  return db
    .selectFrom('patient_insurance')
    .select(['id', 'payer', 'priority', 'member_id'])
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('termination_date', 'is', null), eb('termination_date', '>=', today)]))
    .where((eb) => eb.or([eb('effective_date', 'is', null), eb('effective_date', '<=', today)]))
    .orderBy('priority')
    .execute();
}

export function findPolicy(db: Db, policyId: string) {
  return db
    .selectFrom('patient_insurance')
    .select([
      'id',
      'patient_id',
      'payer',
      'priority',
      'member_id',
      'copay_minor',
      'deductible_minor',
      'coinsurance_ppm',
    ])
    .where('id', '=', policyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * What the patient already paid towards this policy's deductible in a calendar year: the deductible
 * parts of its issued invoices less those of its credit notes, by the day each was issued.
 */
export async function deductibleMet(db: Db, policyId: string, year: string): Promise<number> {
  const row = await db
    .selectFrom('invoices')
    .select((eb) =>
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            eb
              .case()
              .when('kind', '=', 'credit_note')
              .then(eb.neg(eb.ref('deductible_minor')))
              .else(eb.ref('deductible_minor'))
              .end(),
          ),
          eb.lit(0),
        )
        .as('met'),
    )
    .where('policy_id', '=', policyId)
    .where('status', '=', 'issued')
    .where('issued_on', '>=', `${year}-01-01`)
    .where('issued_on', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return row?.met ?? 0;
}

/** A visit with what an invoice is built from: the patient, the appointment's type, the provider. */
export function visitForBilling(db: Db, visitId: string) {
  return db
    .selectFrom('visits as v')
    .leftJoin('appointments as a', 'a.id', 'v.appointment_id')
    .leftJoin('appointment_types as t', 't.id', 'a.type_id')
    .leftJoin('providers as p', 'p.id', 'v.provider_id')
    .select([
      'v.id',
      'v.patient_id',
      'v.appointment_id',
      'v.status',
      'v.local_date',
      'v.self_pay',
      'a.type_id',
      't.name as type_name',
      'p.display_name as provider_name',
    ])
    .where('v.id', '=', visitId)
    .where('v.deleted_at', 'is', null)
    .executeTakeFirst();
}

export function appointmentForBilling(db: Db, appointmentId: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('appointment_types as t', 't.id', 'a.type_id')
    .innerJoin('providers as p', 'p.id', 'a.provider_id')
    .leftJoin('visits as v', (join) =>
      join.onRef('v.appointment_id', '=', 'a.id').on('v.status', '!=', 'cancelled').on('v.deleted_at', 'is', null),
    )
    .select([
      'a.id',
      'a.patient_id',
      'a.status',
      'a.type_id',
      't.name as type_name',
      'p.display_name as provider_name',
      'v.id as visit_id',
    ])
    .where('a.id', '=', appointmentId)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
}

const unbilledVisitsQuery = preparedRead((db, v: { patientId: string; since: number; limit: number }) =>
  db
    .selectFrom('appointments as a')
    .innerJoin('appointment_types as t', 't.id', 'a.type_id')
    .innerJoin('providers as p', 'p.id', 'a.provider_id')
    .leftJoin('visits as v', (join) =>
      join.onRef('v.appointment_id', '=', 'a.id').on('v.status', '=', 'checked_out').on('v.deleted_at', 'is', null),
    )
    .select([
      'a.id as appointment_id',
      'a.start_at',
      'v.id as visit_id',
      't.name as type_name',
      'p.display_name as provider_name',
    ])
    .where('a.patient_id', '=', v.patientId)
    .where('a.status', '=', 'completed')
    .where('a.deleted_at', 'is', null)
    .where('a.start_at', '>=', v.since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('invoices as i')
            .select('i.id')
            .whereRef('i.appointment_id', '=', 'a.id')
            .where('i.kind', '=', 'invoice')
            .where('i.deleted_at', 'is', null),
        ),
      ),
    )
    .orderBy('a.start_at', 'desc')
    .limit(v.limit),
);

/**
 * Checked-out visits and completed appointments of the patient since `since` with no live invoice:
 * the account screen offers to invoice them.
 */
export function unbilledVisits(db: ReadDb, patientId: string, since: number, limit: number) {
  return unbilledVisitsQuery(db, { patientId, since, limit });
}

const unbilledWalkInsQuery = preparedRead((db, v: { patientId: string; since: string; limit: number }) =>
  db
    .selectFrom('visits as v')
    .leftJoin('providers as p', 'p.id', 'v.provider_id')
    .select(['v.id as visit_id', 'v.local_date', 'p.display_name as provider_name'])
    .where('v.patient_id', '=', v.patientId)
    .where('v.appointment_id', 'is', null)
    .where('v.status', '=', 'checked_out')
    .where('v.deleted_at', 'is', null)
    .where('v.local_date', '>=', v.since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('invoices as i')
            .select('i.id')
            .whereRef('i.visit_id', '=', 'v.id')
            .where('i.kind', '=', 'invoice')
            .where('i.deleted_at', 'is', null),
        ),
      ),
    )
    .orderBy('v.local_date', 'desc')
    .limit(v.limit),
);

/** Checked-out walk-in visits (no appointment) of the patient since `since` (a local date) with no live invoice. */
export function unbilledWalkIns(db: ReadDb, patientId: string, since: string, limit: number) {
  return unbilledWalkInsQuery(db, { patientId, since, limit });
}
