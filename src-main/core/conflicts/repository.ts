import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely } from 'kysely';
import { BLOCKING_STATUSES } from '../../../src-shared/scheduling/status';
import type { Database } from '../db/schema';
import type { ConflictKind, SyncConflictResolutionsTable, SyncConflictsTable } from '../db/schema-sync';
import type { ReadDb } from '../db/handles';
import { MAX_APPOINTMENT_MS } from '../scheduling/appointment-repository';

/** The conflicts inbox's SQL (migration 0022): conflicts, their resolutions, and what detection reads. */

type Db = Kysely<Database>;
export type ConflictRow = SyncConflictsTable;

/** Inserts the conflict unless a row with its id is here already (found before, here or on another desk). */
export async function insertConflictIfAbsent(db: Db, row: ConflictRow): Promise<boolean> {
  const result = await db
    .insertInto('sync_conflicts')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** How many conflicts of this kind about this pair were resolved (a lot may go below zero again later). */
export async function resolvedCount(db: ReadDb, kind: ConflictKind, firstId: string, secondId: string) {
  const row = await db
    .selectFrom('sync_conflicts as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.kind', '=', kind)
    .where('c.first_id', '=', firstId)
    .where('c.second_id', '=', secondId)
    .where((eb) =>
      eb.exists(eb.selectFrom('sync_conflict_resolutions as r').select('r.id').whereRef('r.conflict_id', '=', 'c.id')),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface ConflictFilter {
  conflictId?: string | undefined;
  patientId?: string | undefined;
  appointmentId?: string | undefined;
  includeResolved?: boolean | undefined;
}

export type ListedConflict = ConflictRow & {
  resolved_at: number | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolution_note: string | null;
};

/** Open conflicts (or all), newest first, about a patient or an appointment when asked. */
export async function listConflicts(db: ReadDb, filter: ConflictFilter, limit: number): Promise<ListedConflict[]> {
  let query = db
    .selectFrom('sync_conflicts as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('sync_conflict_resolutions')
          .select(['conflict_id', 'resolved_at', 'resolved_by', 'resolved_by_name', 'note'])
          .where(
            'id',
            'in',
            eb
              .selectFrom('sync_conflict_resolutions as latest')
              .select((inner) => inner.fn.max('latest.id').as('id'))
              .groupBy('latest.conflict_id'),
          )
          .as('r'),
      (join) => join.onRef('r.conflict_id', '=', 'c.id'),
    )
    .selectAll('c')
    .select(['r.resolved_at', 'r.resolved_by', 'r.resolved_by_name', 'r.note as resolution_note']);
  if (!filter.includeResolved) query = query.where('r.conflict_id', 'is', null);
  const { conflictId, patientId, appointmentId } = filter;
  if (conflictId) query = query.where('c.id', '=', conflictId);
  if (patientId) {
    query = query.where((eb) => eb.or([eb('c.patient_id', '=', patientId), eb('c.second_patient_id', '=', patientId)]));
  }
  if (appointmentId) {
    query = query.where((eb) =>
      eb.and([
        eb('c.kind', '=', 'double_booking'),
        eb.or([eb('c.first_id', '=', appointmentId), eb('c.second_id', '=', appointmentId)]),
      ]),
    );
  }
  return query.orderBy('c.detected_at', 'desc').orderBy('c.id').limit(limit).execute();
}

export function findConflict(db: ReadDb, id: string): Promise<ConflictRow | undefined> {
  return db.selectFrom('sync_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isResolved(db: ReadDb, conflictId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sync_conflict_resolutions')
    .select('id')
    .where('conflict_id', '=', conflictId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertResolution(db: Db, row: SyncConflictResolutionsTable): Promise<void> {
  await db.insertInto('sync_conflict_resolutions').values(row).execute();
}

// ---- what detection reads ------------------------------------------------------------------------

export type BookingRow = {
  id: string;
  patient_id: string;
  provider_id: string;
  room_id: string | null;
  start_at: number;
  end_at: number;
  override_reason: string | null;
};

const BOOKING_COLUMNS = [
  'id',
  'patient_id',
  'provider_id',
  'room_id',
  'start_at',
  'end_at',
  'override_reason',
] as const;

/**
 * These appointments, when live and holding time (booked … completed). The ids go as one JSON parameter:
 * a snapshot step may name more appointments than SQLite binds parameters in one statement (32,766).
 */
export function blockingAppointments(db: ReadDb, ids: readonly string[]): Promise<BookingRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('appointments')
    .select(BOOKING_COLUMNS)
    .where(sql<boolean>`id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .where('status', 'in', [...BLOCKING_STATUSES])
    .where('deleted_at', 'is', null)
    .execute();
}

/** Other live, blocking appointments overlapping this one that share its provider, room or patient. */
export function clashesWith(db: ReadDb, a: BookingRow): Promise<BookingRow[]> {
  return db
    .selectFrom('appointments')
    .select(BOOKING_COLUMNS)
    .where('id', '!=', a.id)
    .where('start_at', '>', a.start_at - MAX_APPOINTMENT_MS)
    .where('start_at', '<', a.end_at)
    .where('end_at', '>', a.start_at)
    .where('status', 'in', [...BLOCKING_STATUSES])
    .where('deleted_at', 'is', null)
    .where((eb) => {
      const same = [eb('provider_id', '=', a.provider_id), eb('patient_id', '=', a.patient_id)];
      if (a.room_id) same.push(eb('room_id', '=', a.room_id));
      return eb.or(same);
    })
    .execute();
}

const CLASH_SQL = `SELECT ${BOOKING_COLUMNS.join(', ')} FROM appointments
  WHERE id != ? AND start_at > ? AND start_at < ? AND end_at > ?
    AND status IN (${BLOCKING_STATUSES.map((s) => `'${s}'`).join(', ')}) AND deleted_at IS NULL`;
const clashStatements = new WeakMap<
  BetterSqlite3.Database,
  { withRoom: BetterSqlite3.Statement; without: BetterSqlite3.Statement }
>();

/**
 * `clashesWith` as one statement prepared once per connection, on the raw handle inside the caller's
 * transaction: applying a batch checks every appointment it touched, and compiling the query through
 * Kysely for each one cost more than running it.
 */
export function clashesWithNow(handle: BetterSqlite3.Database, a: BookingRow): BookingRow[] {
  let statements = clashStatements.get(handle);
  if (!statements) {
    statements = {
      withRoom: handle.prepare(`${CLASH_SQL} AND (provider_id = ? OR patient_id = ? OR room_id = ?)`),
      without: handle.prepare(`${CLASH_SQL} AND (provider_id = ? OR patient_id = ?)`),
    };
    clashStatements.set(handle, statements);
  }
  const window = [a.id, a.start_at - MAX_APPOINTMENT_MS, a.end_at, a.start_at];
  return (
    a.room_id
      ? statements.withRoom.all(...window, a.provider_id, a.patient_id, a.room_id)
      : statements.without.all(...window, a.provider_id, a.patient_id)
  ) as BookingRow[];
}

/** The merged balance of each lot at each place, for these pairs. */
export async function lotPlaceBalances(
  db: ReadDb,
  pairs: readonly { lotId: string; placeId: string }[],
): Promise<{ lotId: string; placeId: string; balance: number }[]> {
  const out: { lotId: string; placeId: string; balance: number }[] = [];
  for (const pair of pairs) {
    const row = await db
      .selectFrom('stock_movements')
      .select(sql<number>`coalesce(sum(quantity), 0)`.as('balance'))
      .where('lot_id', '=', pair.lotId)
      .where('stock_location_id', '=', pair.placeId)
      .executeTakeFirstOrThrow();
    out.push({ ...pair, balance: row.balance });
  }
  return out;
}

/**
 * Payments entered into a drawer after it was closed: these payments, or any into these drawers. The ids
 * go as JSON parameters, as in blockingAppointments: a snapshot step may name more payments than SQLite
 * binds values in one statement (32,766).
 */
export function paymentsAfterClose(db: ReadDb, paymentIds: readonly string[], drawerIds: readonly string[]) {
  if (paymentIds.length === 0 && drawerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('payments as p')
    .innerJoin('drawers as d', 'd.id', 'p.drawer_id')
    .select(['p.id', 'p.patient_id', 'p.drawer_id', 'p.desk_id', 'd.desk_id as drawer_desk_id'])
    .where('d.closed_at', 'is not', null)
    .whereRef('p.entered_at', '>', 'd.closed_at')
    .where((eb) => {
      const which = [];
      const listed = (ids: readonly string[]) => sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
      if (paymentIds.length > 0) which.push(eb('p.id', 'in', listed(paymentIds)));
      if (drawerIds.length > 0) which.push(eb('p.drawer_id', 'in', listed(drawerIds)));
      return eb.or(which);
    })
    .execute();
}

/** A live patient's fields the duplicate rules compare, with their phone numbers. */
export async function patientForMatching(db: ReadDb, id: string) {
  const row = await db
    .selectFrom('patients')
    .select([
      'id',
      'first_name',
      'middle_name',
      'last_name',
      'dob',
      'email',
      'national_id',
      'address_line1',
      'address_line2',
      'city',
      'region',
      'postal_code',
      'country',
    ])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const phones = await db
    .selectFrom('patient_phones')
    .select('number')
    .where('patient_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  return { ...row, phones: phones.map((p) => p.number) };
}

// ---- what closing settled conflicts reads and writes --------------------------------------------

/** Every open conflict (no resolution yet), oldest first. */
/** Whether any conflict is still open (the settler's cheap check before a pass). */
export async function hasOpenConflicts(db: ReadDb): Promise<boolean> {
  const row = await db
    .selectFrom('sync_conflicts as c')
    .select('c.id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('sync_conflict_resolutions as r').select('r.id').whereRef('r.conflict_id', '=', 'c.id'),
        ),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function openConflicts(db: ReadDb): Promise<ConflictRow[]> {
  return db
    .selectFrom('sync_conflicts as c')
    .selectAll('c')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('sync_conflict_resolutions as r').select('r.id').whereRef('r.conflict_id', '=', 'c.id'),
        ),
      ),
    )
    .orderBy('c.detected_at')
    .orderBy('c.id')
    .execute();
}

/** A patient still its own record: not deleted, not merged into another. */
export async function patientStands(db: ReadDb, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('patients')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether someone marked the two patients as different people. */
export async function markedNotDuplicates(db: ReadDb, first: string, second: string): Promise<boolean> {
  const [a, b] = first < second ? [first, second] : [second, first];
  const row = await db
    .selectFrom('patient_not_duplicates')
    .select('patient_a')
    .where('patient_a', '=', a)
    .where('patient_b', '=', b)
    .executeTakeFirst();
  return row !== undefined;
}

/** A resolution with a derived id, so two desks closing the same conflict write one row. */
export async function insertResolutionIfAbsent(db: Db, row: SyncConflictResolutionsTable): Promise<boolean> {
  const result = await db
    .insertInto('sync_conflict_resolutions')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
