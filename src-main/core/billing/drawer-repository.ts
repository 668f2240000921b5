import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PaymentMethodKind } from '../../../src-shared/billing/reason-codes';
import type { Database } from '../db/schema';
import type { DrawerRow, DrawersTable } from '../db/schema-billing';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

/** SQL of cash drawers and of the money that passed through them (totals by method, the journal). */

type Db = Kysely<Database>;

const openDrawerRow = preparedRead((db, v: { deskId: string }) =>
  db.selectFrom('drawers').selectAll().where('desk_id', '=', v.deskId).where('closed_at', 'is', null),
);

export async function openDrawerOf(db: ReadDb, deskId: string): Promise<DrawerRow | undefined> {
  return (await openDrawerRow(db, { deskId }))[0];
}

export function findDrawer(db: ReadDb, id: string): Promise<DrawerRow | undefined> {
  return db.selectFrom('drawers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lastClosedDrawer(db: ReadDb, deskId: string): Promise<DrawerRow | undefined> {
  return db
    .selectFrom('drawers')
    .selectAll()
    .where('desk_id', '=', deskId)
    .where('closed_at', 'is not', null)
    .orderBy('closed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function drawersOn(db: ReadDb, date: string): Promise<DrawerRow[]> {
  return db.selectFrom('drawers').selectAll().where('business_date', '=', date).orderBy('opened_at').execute();
}

export async function insertDrawer(db: Db, row: DrawersTable): Promise<void> {
  await db.insertInto('drawers').values(row).execute();
}

/** Closes an open drawer (the trigger refuses any change to a closed one). */
export async function closeDrawerRow(db: Db, id: string, changes: Partial<DrawersTable>): Promise<void> {
  await db.updateTable('drawers').set(changes).where('id', '=', id).where('closed_at', 'is', null).execute();
}

/**
 * True when this desk counted and closed its drawer for the date and has no open drawer for it: money
 * may no longer be counted for that date here.
 */
export async function dateClosedAtDesk(db: Db, deskId: string, date: string): Promise<boolean> {
  const rows = await db
    .selectFrom('drawers')
    .select(['closed_at'])
    .where('desk_id', '=', deskId)
    .where('business_date', '=', date)
    .execute();
  return rows.length > 0 && rows.every((row) => row.closed_at !== null);
}

export interface MethodSumRow {
  method_kind: PaymentMethodKind;
  method_name: string;
  entry: 'payment' | 'refund' | 'reversal';
  count: number;
  amount: number;
}

/** Payments, refunds and reversals of the given drawers, summed per method. */
export function methodSums(db: ReadDb, drawerIds: string[]): Promise<MethodSumRow[]> {
  if (drawerIds.length === 0) return Promise.resolve([]);
  const ids = sql.join(drawerIds);
  return sql<MethodSumRow>`
    SELECT p.method_kind, m.name AS method_name, 'payment' AS entry, count(*) AS count, sum(p.amount_minor) AS amount
      FROM payments p JOIN payment_methods m ON m.id = p.method_id WHERE p.drawer_id IN (${ids}) GROUP BY p.method_id
    UNION ALL
    SELECT f.method_kind, m.name, 'refund', count(*), sum(f.amount_minor)
      FROM refunds f JOIN payment_methods m ON m.id = f.method_id WHERE f.drawer_id IN (${ids}) GROUP BY f.method_id
    UNION ALL
    SELECT p.method_kind, m.name, 'reversal', count(*), sum(r.amount_minor)
      FROM reversals r JOIN payments p ON p.id = r.target_id JOIN payment_methods m ON m.id = p.method_id
      WHERE r.drawer_id IN (${ids}) AND r.target_kind = 'payment' GROUP BY p.method_id`
    .execute(db)
    .then((result) => result.rows);
}

export interface JournalFilter {
  from: string;
  to: string;
  deskId?: string | undefined;
  methodKind?: PaymentMethodKind | undefined;
  userId?: string | undefined;
  drawerId?: string | undefined;
  limit: number;
}

export interface JournalRowRaw {
  id: string;
  kind: 'payment' | 'refund' | 'reversal';
  patient_id: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  amount_minor: number;
  method_name: string | null;
  method_kind: PaymentMethodKind | null;
  reference: string | null;
  counts_for: string;
  entered_at: number;
  entered_by_name: string | null;
  desk_name: string | null;
  reason: string | null;
}

function where(alias: string, filter: JournalFilter, methodAlias = alias): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`${sql.ref(`${alias}.counts_for`)} BETWEEN ${filter.from} AND ${filter.to}`];
  if (filter.drawerId) parts.push(sql`${sql.ref(`${alias}.drawer_id`)} = ${filter.drawerId}`);
  if (filter.deskId) parts.push(sql`${sql.ref(`${alias}.desk_id`)} = ${filter.deskId}`);
  if (filter.userId) parts.push(sql`${sql.ref(`${alias}.entered_by`)} = ${filter.userId}`);
  if (filter.methodKind) parts.push(sql`${sql.ref(`${methodAlias}.method_kind`)} = ${filter.methodKind}`);
  return sql.join(parts, sql` AND `);
}

/** Payments, refunds and reversals in a date range (counts-for dates), newest first. */
export async function journalRows(db: ReadDb, filter: JournalFilter): Promise<JournalRowRaw[]> {
  const result = await sql<JournalRowRaw>`
    SELECT * FROM (
      SELECT p.id, 'payment' AS kind, p.patient_id, pt.first_name, pt.middle_name, pt.last_name, pt.preferred_name,
        p.amount_minor, m.name AS method_name, p.method_kind, p.reference, p.counts_for, p.entered_at, p.entered_by_name,
        d.desk_name, NULL AS reason
      FROM payments p JOIN patients pt ON pt.id = p.patient_id JOIN payment_methods m ON m.id = p.method_id
        LEFT JOIN drawers d ON d.id = p.drawer_id
      WHERE ${where('p', filter)}
      UNION ALL
      SELECT f.id, 'refund', f.patient_id, pt.first_name, pt.middle_name, pt.last_name, pt.preferred_name,
        f.amount_minor, m.name, f.method_kind, NULL, f.counts_for, f.entered_at, f.entered_by_name, d.desk_name, f.reason
      FROM refunds f JOIN patients pt ON pt.id = f.patient_id JOIN payment_methods m ON m.id = f.method_id
        LEFT JOIN drawers d ON d.id = f.drawer_id
      WHERE ${where('f', filter)}
      UNION ALL
      SELECT r.id, 'reversal', r.patient_id, pt.first_name, pt.middle_name, pt.last_name, pt.preferred_name,
        r.amount_minor, m.name, p.method_kind, p.reference, r.counts_for, r.entered_at, r.entered_by_name, d.desk_name, r.reason
      FROM reversals r JOIN payments p ON p.id = r.target_id JOIN patients pt ON pt.id = r.patient_id
        JOIN payment_methods m ON m.id = p.method_id LEFT JOIN drawers d ON d.id = r.drawer_id
      WHERE r.target_kind = 'payment' AND ${where('r', filter, 'p')}
    ) ORDER BY entered_at DESC, id DESC LIMIT ${filter.limit}`.execute(db);
  return result.rows;
}
