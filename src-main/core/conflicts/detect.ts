import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { todayIn } from '../../../src-shared/patients/dates';
import type { Database } from '../db/schema';
import type { ConflictKind } from '../db/schema-sync';
import { findDuplicates } from '../patients/duplicate-check';
import { readPatientContext } from '../patients/repository';
import type { TouchedRow } from '../sync/apply';
import { matchingDraft, storedDates, strongDuplicatePairs } from './duplicate-pass';
import {
  blockingAppointments,
  clashesWithNow,
  insertConflictIfAbsent,
  lotPlaceBalances,
  patientForMatching,
  paymentsAfterClose,
  resolvedCount,
  type BookingRow,
  type ConflictRow,
} from './repository';

/**
 * Domain conflicts no merge rule can judge (issue 17), looked for after a batch of other desks' changes
 * is applied, in the same transaction, among the rows the batch touched:
 * - `double_booking`: two live appointments holding time (booked … completed) that overlap and share a
 *   provider, a room or a patient; neither booked with an override (a person chose that double booking);
 * - `duplicate_patient`: a patient the duplicate rules call strongly alike to another, not marked as
 *   another person (patient_not_duplicates);
 * - `negative_stock`: a lot at a place whose merged balance is below zero;
 * - `closed_drawer_payment`: a payment entered into a drawer after the drawer was closed.
 * The conflict's id is derived from its kind and the pair it is about (sorted where the pair has no
 * order), so the two desks that both find one make the same row, which merges into one, and finding it
 * again changes nothing. A lot's id also counts that lot's resolved conflicts at that place: going below
 * zero again after one was resolved is a new conflict. Written with capture on: the inbox is synced.
 */
export async function detectConflicts(
  db: Kysely<Database>,
  /** The connection `db`'s transaction runs on: the clash check reads through it directly. */
  handle: BetterSqlite3.Database,
  touched: readonly TouchedRow[],
  now: number,
  deviceId: string,
  /**
   * Whether to look for duplicates of the touched patients here. A snapshot's steps leave it to one pass
   * over all the patients the snapshot brought, at its end (detectSnapshotDuplicates).
   */
  options: { duplicates: boolean } = { duplicates: true },
): Promise<number> {
  const ids = (table: string, column = 'id') => [
    ...new Set(
      touched
        .filter((t) => t.table === table)
        .map((t) => t.row[column])
        .filter((v): v is string => typeof v === 'string'),
    ),
  ];
  const writer = conflictWriter(db, now, deviceId);
  const { add } = writer;

  for (const appointment of await blockingAppointments(db, ids('appointments'))) {
    for (const other of clashesWithNow(handle, appointment)) {
      if (appointment.override_reason !== null || other.override_reason !== null) continue;
      const [first, second] = appointment.id < other.id ? [appointment, other] : [other, appointment];
      await add({
        id: conflictId('double_booking', first.id, second.id),
        kind: 'double_booking',
        reasons: clashReasons(first, second).join(','),
        first_type: 'appointment',
        first_id: first.id,
        second_type: 'appointment',
        second_id: second.id,
        patient_id: first.patient_id,
        second_patient_id: second.patient_id,
        amount: null,
      });
    }
  }

  const patients = options.duplicates ? ids('patients') : [];
  const context = patients.length > 0 ? await readPatientContext(db) : null;
  for (const patientId of context ? patients : []) {
    const person = await patientForMatching(db, patientId);
    if (!person || !context) continue;
    const candidates = await findDuplicates(
      db,
      storedDates(context),
      todayIn(context.timeZone, now),
      matchingDraft(person),
    );
    for (const candidate of candidates.filter((c) => c.strength === 'strong')) {
      const [first, second] = [patientId, candidate.patient.id].sort();
      if (first && second) await addDuplicate(add, first, second);
    }
  }

  const places = new Map<string, { lotId: string; placeId: string }>();
  for (const t of touched.filter((x) => x.table === 'stock_movements')) {
    const { lot_id: lotId, stock_location_id: placeId } = t.row;
    if (typeof lotId === 'string' && typeof placeId === 'string') places.set(`${lotId}|${placeId}`, { lotId, placeId });
  }
  for (const below of (await lotPlaceBalances(db, [...places.values()])).filter((b) => b.balance < 0)) {
    const generation = await resolvedCount(db, 'negative_stock', below.lotId, below.placeId);
    await add({
      id: conflictId('negative_stock', below.lotId, below.placeId, generation),
      kind: 'negative_stock',
      reasons: '',
      first_type: 'stock_lot',
      first_id: below.lotId,
      second_type: 'stock_location',
      second_id: below.placeId,
      patient_id: null,
      second_patient_id: null,
      amount: below.balance,
    });
  }

  for (const payment of await paymentsAfterClose(db, ids('payments'), ids('drawers'))) {
    if (!payment.drawer_id) continue;
    await add({
      id: conflictId('closed_drawer_payment', payment.id, payment.drawer_id),
      kind: 'closed_drawer_payment',
      reasons: '',
      first_type: 'payment',
      first_id: payment.id,
      second_type: 'drawer',
      second_id: payment.drawer_id,
      patient_id: payment.patient_id,
      second_patient_id: null,
      amount: null,
    });
  }
  return writer.found();
}

type AddConflict = (
  row: Omit<ConflictRow, 'detected_at' | 'detected_by_device' | 'created_at' | 'updated_at'>,
) => Promise<void>;

/** Writes conflicts found now by this desk, counting those that were not there yet. */
function conflictWriter(db: Kysely<Database>, now: number, deviceId: string): { add: AddConflict; found(): number } {
  let found = 0;
  return {
    async add(row) {
      const inserted = await insertConflictIfAbsent(db, {
        ...row,
        detected_at: now,
        detected_by_device: deviceId,
        created_at: now,
        updated_at: now,
      });
      if (inserted) found += 1;
    },
    found: () => found,
  };
}

/** A duplicate_patient conflict about two patients (`first` < `second`). */
function addDuplicate(add: AddConflict, first: string, second: string): Promise<void> {
  return add({
    id: conflictId('duplicate_patient', first, second),
    kind: 'duplicate_patient',
    reasons: '',
    first_type: 'patient',
    first_id: first,
    second_type: 'patient',
    second_id: second,
    patient_id: first,
    second_patient_id: second,
    amount: null,
  });
}

/**
 * The duplicate-patient check of a whole snapshot, once, after its last step (service.ts): the same
 * conflicts as asking the duplicate rules about each patient the snapshot brought or changed
 * (duplicate-pass.ts), without a query per patient. Run over the merged result, it also sees the phones
 * a later step than their patient's brought. Answers how many conflicts were new.
 */
export async function detectSnapshotDuplicates(
  db: Kysely<Database>,
  subjectIds: readonly string[],
  now: number,
  deviceId: string,
): Promise<number> {
  const context = subjectIds.length > 0 ? await readPatientContext(db) : null;
  if (!context) return 0;
  const writer = conflictWriter(db, now, deviceId);
  for (const [first, second] of await strongDuplicatePairs(db, context, subjectIds))
    await addDuplicate(writer.add, first, second);
  return writer.found();
}

/** The patients a merge's touched rows ask the duplicate check about: new or changed, or a phone of theirs. */
export function duplicateSubjects(touched: readonly TouchedRow[]): string[] {
  const ids = touched.map((t) =>
    t.table === 'patients' ? t.row.id : t.table === 'patient_phones' ? t.row.patient_id : undefined,
  );
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

function clashReasons(a: BookingRow, b: BookingRow): string[] {
  const reasons: string[] = [];
  if (a.provider_id === b.provider_id) reasons.push('provider');
  if (a.room_id !== null && a.room_id === b.room_id) reasons.push('room');
  if (a.patient_id === b.patient_id) reasons.push('patient');
  return reasons;
}

/** A UUID (version 8: custom) from what the conflict is about: every desk derives the same one. */
export function conflictId(kind: ConflictKind, firstId: string, secondId: string, generation = 0): string {
  const hex = createHash('sha256').update(`${kind}|${firstId}|${secondId}|${generation}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
