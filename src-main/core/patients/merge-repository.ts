import { sql, type Kysely } from 'kysely';
import type { Database, PatientMergeRow, PatientNotDuplicateRow } from '../db/schema';
import type { ReadDb } from '../db/handles';

/** The SQL of reversible merges (merge.ts holds the rules): rows of any table linked to patients, by name. */

export type Row = Record<string, unknown>;

export interface LinkedTable {
  table: string;
  column: string;
  hasUpdatedAt: boolean;
}

/** Tables with a patient foreign key that the merge handles itself, or that must not follow the person. */
const NOT_MOVED = new Set(['patient_search', 'patient_name_tokens', 'patient_not_duplicates', 'patient_merges']);

/**
 * Money stays with the record it was billed to: issued invoices are frozen and ledgers are insert-only,
 * so their rows cannot be moved and moved back. A record with any of them may survive a merge but not be
 * merged away (the refusal says which way round works).
 */
const BILLING_TABLES = new Set([
  'invoices',
  'invoice_balances',
  'payments',
  'payment_allocations',
  'refunds',
  'adjustments',
  'reversals',
  'claims',
  'claim_remittance_lines',
]);

export async function hasBillingRecords(db: Kysely<Database>, patientId: string): Promise<boolean> {
  for (const table of BILLING_TABLES) {
    const exists = await sql<{ one: number }>`
      SELECT 1 AS one FROM ${sql.table(table)} WHERE patient_id = ${patientId} LIMIT 1`.execute(db);
    if (exists.rows.length > 0) return true;
  }
  return false;
}

export async function linkedTables(db: Kysely<Database>): Promise<LinkedTable[]> {
  const links = await sql<{ tbl: string; col: string }>`
    SELECT m.name AS tbl, f."from" AS col
    FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
    WHERE m.type = 'table' AND f."table" = 'patients'
    ORDER BY m.name, f."from"`.execute(db);
  const result: LinkedTable[] = [];
  for (const { tbl, col } of links.rows) {
    if (NOT_MOVED.has(tbl) || BILLING_TABLES.has(tbl)) continue;
    const info = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${tbl})`.execute(db);
    const keys = info.rows.filter((column) => column.pk > 0).map((column) => column.name);
    if (keys.length !== 1 || keys[0] !== 'id') {
      throw new Error(`A merge cannot move rows of ${tbl}: it has no single id primary key.`);
    }
    result.push({ table: tbl, column: col, hasUpdatedAt: info.rows.some((column) => column.name === 'updated_at') });
  }
  return result;
}

function withoutBlobs(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => !(value instanceof Uint8Array)));
}

export async function selectRows(db: Kysely<Database>, table: string, column: string, value: string): Promise<Row[]> {
  const rows =
    await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${value} ORDER BY id`.execute(db);
  return rows.rows.map(withoutBlobs);
}

export async function selectPatient(db: Kysely<Database>, id: string): Promise<Row | undefined> {
  const rows = await sql<Row>`SELECT * FROM patients WHERE id = ${id}`.execute(db);
  return rows.rows[0];
}

export async function updateRow(db: Kysely<Database>, table: string, id: unknown, values: Row): Promise<void> {
  const sets = Object.entries(values)
    .filter(([column]) => column !== 'id')
    .map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  if (sets.length === 0) return;
  await sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} WHERE id = ${id}`.execute(db);
}

export async function selectRow(db: ReadDb, table: string, id: unknown): Promise<Row | undefined> {
  return (await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(db)).rows[0];
}

/** The highest position among a patient's phones or contacts, -1 with none. */
export async function topPosition(db: ReadDb, table: string, patientId: string): Promise<number> {
  const last = await sql<{
    top: number | null;
  }>`SELECT max(position) AS top FROM ${sql.table(table)} WHERE patient_id = ${patientId}`.execute(db);
  return last.rows[0]?.top ?? -1;
}

export async function hasPrimaryPhone(db: ReadDb, patientId: string): Promise<boolean> {
  const primary =
    await sql`SELECT 1 FROM patient_phones WHERE patient_id = ${patientId} AND is_primary = 1 AND deleted_at IS NULL`.execute(
      db,
    );
  return primary.rows.length > 0;
}

/** Removes and answers every "not the same person" pair naming the patient. */
export async function takeNotDuplicates(db: Kysely<Database>, patientId: string): Promise<PatientNotDuplicateRow[]> {
  const removed = (
    await sql<PatientNotDuplicateRow>`SELECT * FROM patient_not_duplicates WHERE patient_a = ${patientId} OR patient_b = ${patientId}
      ORDER BY patient_a, patient_b`.execute(db)
  ).rows;
  await sql`DELETE FROM patient_not_duplicates WHERE patient_a = ${patientId} OR patient_b = ${patientId}`.execute(db);
  return removed;
}

/** Adds the pair unless it is there; answers whether it was added. */
export async function addNotDuplicate(db: Kysely<Database>, pair: PatientNotDuplicateRow): Promise<boolean> {
  const inserted =
    await sql`INSERT INTO patient_not_duplicates (patient_a, patient_b, decided_by, created_at, updated_at)
    VALUES (${pair.patient_a}, ${pair.patient_b}, ${pair.decided_by}, ${pair.created_at}, ${pair.updated_at})
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(inserted.numAffectedRows ?? 0) > 0;
}

export async function removeNotDuplicate(db: Kysely<Database>, pair: { patient_a: string; patient_b: string }) {
  await db
    .deleteFrom('patient_not_duplicates')
    .where('patient_a', '=', pair.patient_a)
    .where('patient_b', '=', pair.patient_b)
    .execute();
}

export async function insertMerge(db: Kysely<Database>, row: PatientMergeRow): Promise<void> {
  await db.insertInto('patient_merges').values(row).execute();
}

export function findMerge(db: ReadDb, id: string): Promise<PatientMergeRow | undefined> {
  return db.selectFrom('patient_merges').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMergeUndone(
  db: Kysely<Database>,
  id: string,
  by: string | null,
  updatedAt: number,
  now: number,
): Promise<void> {
  await db
    .updateTable('patient_merges')
    .set({ undone_at: now, undone_by: by, updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

/** The merges a patient took part in, newest first, with who merged and who undid. */
export async function mergesOf(db: ReadDb, patientId: string) {
  const rows = await sql<PatientMergeRow & { merged_by_name: string | null; undone_by_name: string | null }>`
    SELECT m.*, u.display_name AS merged_by_name, v.display_name AS undone_by_name
    FROM patient_merges m
    LEFT JOIN users u ON u.id = m.merged_by
    LEFT JOIN users v ON v.id = m.undone_by
    WHERE m.survivor_id = ${patientId} OR m.merged_id = ${patientId}
    ORDER BY m.merged_at DESC, m.id DESC`.execute(db);
  return rows.rows;
}
