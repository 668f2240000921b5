import { sql } from 'kysely';
import type { ReadDb } from '../db/handles';
import { providerIs } from './provider-repository';

/**
 * The reports' SQL: reads only, straight from the raw rows (no daily aggregates yet: a month's range
 * reads a month of rows). Every instant range is [start, end); every date range is inclusive.
 */

export interface AppointmentFact {
  provider_id: string;
  start_at: number;
  end_at: number;
  status: string;
  cancelled_at: number | null;
}

/** The report's narrowing beyond the range: each null means all. */
export interface AppointmentNarrowing {
  providerId: string | null;
  locationId: string | null;
  typeId: string | null;
}

export function appointmentsStarting(db: ReadDb, start: number, end: number, narrowing: AppointmentNarrowing) {
  const { providerId, locationId, typeId } = narrowing;
  let query = db
    .selectFrom('appointments')
    .select(['provider_id', 'start_at', 'end_at', 'status', 'cancelled_at'])
    .where('deleted_at', 'is', null)
    .where('start_at', '>=', start)
    .where('start_at', '<', end);
  if (providerId !== null) query = query.where('provider_id', '=', providerId);
  if (locationId !== null) query = query.where('location_id', '=', locationId);
  if (typeId !== null) query = query.where('type_id', '=', typeId);
  return query.orderBy('start_at').execute() as Promise<AppointmentFact[]>;
}

export function locationNames(db: ReadDb) {
  return db.selectFrom('locations').select(['id', 'name']).execute();
}

export function typeNames(db: ReadDb) {
  return db.selectFrom('appointment_types').select(['id', 'name']).execute();
}

export function providerNames(db: ReadDb) {
  return db.selectFrom('providers').select(['id', 'display_name']).orderBy('display_name').execute();
}

/** The provider rows linked to a user (a provider signs in as one of them). */
export async function providerIdsOfUser(db: ReadDb, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('providers')
    .select('id')
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

export function visitTimes(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
  narrowing: { locationId: string | null; typeId: string | null } = { locationId: null, typeId: null },
) {
  let query = db
    .selectFrom('visits')
    .select(['visits.arrived_at', 'visits.roomed_at', 'visits.seen_at', 'visits.checked_out_at'])
    .where('visits.deleted_at', 'is', null)
    .where('visits.status', '<>', 'cancelled')
    .where('visits.local_date', '>=', from)
    .where('visits.local_date', '<=', to);
  if (providerId !== null) query = query.where('visits.provider_id', '=', providerId);
  const { locationId, typeId } = narrowing;
  if (locationId === null && typeId === null) return query.execute();
  // A location or type is the visit's appointment's: a walk-in has neither, so it drops out.
  let narrowed = query.innerJoin('appointments', 'appointments.id', 'visits.appointment_id');
  if (locationId !== null) narrowed = narrowed.where('appointments.location_id', '=', locationId);
  if (typeId !== null) narrowed = narrowed.where('appointments.type_id', '=', typeId);
  return narrowed.execute();
}

export interface DayAmount {
  day: string;
  kind: string;
  amount: number;
}

/** Issued invoices and credit notes by issue date; a provider's are those of their appointment or visit. */
export async function issuedByDay(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
): Promise<DayAmount[]> {
  const provider = providerIs(providerId);
  const result = await sql<DayAmount>`
    SELECT i.issued_on AS day, i.kind AS kind, sum(i.total_minor) AS amount
    FROM invoices i
    LEFT JOIN appointments a ON a.id = i.appointment_id
    LEFT JOIN visits v ON v.id = i.visit_id
    WHERE i.status = 'issued' AND i.issued_on >= ${from} AND i.issued_on <= ${to} AND ${provider}
    GROUP BY i.issued_on, i.kind`.execute(db);
  return result.rows;
}

/**
 * Money in and out by the date it counts for: `kind` is payment, refund, reversal (of a payment, by the
 * payment's method), writeOff, or writeOffReversal; `method` the method kind (null for write-offs).
 */
export async function ledgerByDay(
  db: ReadDb,
  from: string,
  to: string,
): Promise<(DayAmount & { method: string | null })[]> {
  const result = await sql<DayAmount & { method: string | null }>`
    SELECT counts_for AS day, 'payment' AS kind, method_kind AS method, sum(amount_minor) AS amount
      FROM payments WHERE counts_for >= ${from} AND counts_for <= ${to} GROUP BY counts_for, method_kind
    UNION ALL
    SELECT counts_for, 'refund', method_kind, sum(amount_minor)
      FROM refunds WHERE counts_for >= ${from} AND counts_for <= ${to} GROUP BY counts_for, method_kind
    UNION ALL
    SELECT r.counts_for, 'reversal', p.method_kind, sum(r.amount_minor)
      FROM reversals r JOIN payments p ON p.id = r.target_id
      WHERE r.target_kind = 'payment' AND r.counts_for >= ${from} AND r.counts_for <= ${to}
      GROUP BY r.counts_for, p.method_kind
    UNION ALL
    SELECT counts_for, 'writeOff', NULL, sum(amount_minor)
      FROM adjustments WHERE counts_for >= ${from} AND counts_for <= ${to} GROUP BY counts_for
    UNION ALL
    SELECT counts_for, 'writeOffReversal', NULL, sum(amount_minor)
      FROM reversals WHERE target_kind = 'adjustment' AND counts_for >= ${from} AND counts_for <= ${to}
      GROUP BY counts_for`.execute(db);
  return result.rows;
}

/** Patients registered in [start, end): live rows, and not a duplicate since merged into another. */
export async function patientsRegistered(db: ReadDb, start: number, end: number): Promise<number> {
  const row = await db
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return row?.count ?? 0;
}

export interface CallFact extends AppointmentFact {
  id: string;
  patient_id: string;
  mrn: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  phone: string | null;
  type_name: string;
}

/** No-shows and cancellations starting in [start, end), with the patient to call and the appointment's type. */
export function missedAppointments(db: ReadDb, start: number, end: number, narrowing: AppointmentNarrowing) {
  return missedAppointmentsQuery(db, start, end, narrowing).execute() as Promise<CallFact[]>;
}

/** Its query, unrun: tests read its plan (it must walk `appointments_missed` alone, in order). */
export function missedAppointmentsQuery(db: ReadDb, start: number, end: number, narrowing: AppointmentNarrowing) {
  const { providerId, locationId, typeId } = narrowing;
  let query = db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('appointment_types as t', 't.id', 'a.type_id')
    .select([
      'a.id',
      'a.patient_id',
      'a.provider_id',
      'a.start_at',
      'a.end_at',
      'a.status',
      'a.cancelled_at',
      'p.mrn',
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.preferred_name',
      't.name as type_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('patient_phones as ph')
        .select('ph.number')
        .whereRef('ph.patient_id', '=', 'p.id')
        .where('ph.is_primary', '=', 1)
        .where('ph.deleted_at', 'is', null)
        .limit(1)
        .as('phone'),
    )
    .where('a.deleted_at', 'is', null)
    // Written out, not bound: SQLite uses the partial index `appointments_missed` (migration 0045) only
    // when the query's terms match its WHERE as written.
    .where(sql<boolean>`a.status IN ('no_show', 'cancelled')`)
    .where('a.start_at', '>=', start)
    .where('a.start_at', '<', end);
  if (providerId !== null) query = query.where('a.provider_id', '=', providerId);
  if (locationId !== null) query = query.where('a.location_id', '=', locationId);
  if (typeId !== null) query = query.where('a.type_id', '=', typeId);
  return query.orderBy('a.start_at').orderBy('a.id');
}
