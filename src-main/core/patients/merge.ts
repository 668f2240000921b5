import { sql, type Kysely } from 'kysely';
import {
  MERGE_FIELDS,
  type MergeChoice,
  type MergeField,
  type PatientMergeSummary,
  type PatientRecord,
} from '../../../src-shared/patients/model';
import { ApiError } from '../../../src-shared/api/errors';
import { displayName } from '../../../src-shared/patients/names';
import type { Database, PatientMergeRow, PatientNotDuplicateRow } from '../db/schema';
import { newId } from '../ids';
import { reindexPatient } from './search-index';
import { patientContext, requireRecord, today } from './service';
import type { ReadDb } from '../db/handles';

/**
 * Reversible merges. A merge keeps, in `patient_merges`, both patient rows before and after and
 * every linked row it moved as it was before, so that an un-merge can put each row back exactly.
 *
 * "Linked rows" are the rows of every table with a foreign key to patients(id), found at run time
 * from the schema (so appointments, documents and whatever later issues add move too, without this
 * file importing their code). Each such table must have an `id` primary key; a merge refuses rather
 * than leave rows of a table it does not know how to move.
 */

type Row = Record<string, unknown>;

interface LinkedTable {
  table: string;
  column: string;
  hasUpdatedAt: boolean;
}

interface LinkedSnapshot {
  table: string;
  column: string;
  /** Full rows before the merge; BLOB columns are left out (a merge never changes them). */
  rows: Row[];
}

interface MergeSnapshot {
  survivor: { before: Row; after: Row };
  merged: { before: Row; after: Row };
  linked: LinkedSnapshot[];
  notDuplicates: { removed: NotDuplicateRow[]; added: { patient_a: string; patient_b: string }[] };
}

type MergeRow = PatientMergeRow;
type NotDuplicateRow = PatientNotDuplicateRow;

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

async function hasBillingRecords(db: Kysely<Database>, patientId: string): Promise<boolean> {
  for (const table of BILLING_TABLES) {
    const exists = await sql<{ one: number }>`
      SELECT 1 AS one FROM ${sql.table(table)} WHERE patient_id = ${patientId} LIMIT 1`.execute(db);
    if (exists.rows.length > 0) return true;
  }
  return false;
}

const COLUMNS: Record<MergeField, readonly string[]> = {
  firstName: ['first_name'],
  middleName: ['middle_name'],
  lastName: ['last_name'],
  preferredName: ['preferred_name'],
  dob: ['dob'],
  sex: ['sex'],
  genderIdentity: ['gender_identity'],
  email: ['email'],
  address: ['address_line1', 'address_line2', 'city', 'region', 'postal_code', 'country'],
  preferredLanguage: ['preferred_language'],
  nationalId: ['national_id'],
  notes: ['notes'],
  deceasedDate: ['deceased_date', 'deceased_at'],
};

const ROW_LABELS: Record<string, string> = {
  patients: 'a record merged earlier into this one',
  patient_phones: 'a phone number',
  patient_contacts: 'a contact',
  patient_allergies: 'an allergy',
  patient_alerts: 'an alert',
  patient_insurance: 'an insurance policy',
  appointments: 'an appointment',
  patient_documents: 'a document',
  patient_consents: 'a consent',
};

/** The updated_at a row gets when the merge changes it: later than before even if the clock has not moved. */
function bumped(updatedAt: unknown, now: number): number {
  return Math.max(now, Number(updatedAt) + 1);
}

async function linkedTables(db: Kysely<Database>): Promise<LinkedTable[]> {
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

async function selectRows(db: Kysely<Database>, table: string, column: string, value: string): Promise<Row[]> {
  const rows =
    await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${value} ORDER BY id`.execute(db);
  return rows.rows.map(withoutBlobs);
}

async function selectPatient(db: Kysely<Database>, id: string): Promise<Row | undefined> {
  const rows = await sql<Row>`SELECT * FROM patients WHERE id = ${id}`.execute(db);
  return rows.rows[0];
}

async function updateRow(db: Kysely<Database>, table: string, id: unknown, values: Row): Promise<void> {
  const sets = Object.entries(values)
    .filter(([column]) => column !== 'id')
    .map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  if (sets.length === 0) return;
  await sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} WHERE id = ${id}`.execute(db);
}

function nameOf(row: Row): string {
  return displayName({
    firstName: String(row.first_name),
    middleName: (row.middle_name as string | null) ?? null,
    lastName: String(row.last_name),
    preferredName: (row.preferred_name as string | null) ?? null,
  });
}

function describePatient(row: Row): string {
  return `${nameOf(row)} (${String(row.mrn)})`;
}

async function livePatient(db: Kysely<Database>, id: string, field: string): Promise<Row> {
  const row = await selectPatient(db, id);
  if (!row || row.deleted_at !== null) {
    throw new ApiError('NOT_FOUND', 'There is no such patient.', { fields: { [field]: 'no such patient' } });
  }
  return row;
}

export function fullChoices(fields: Partial<Record<MergeField, MergeChoice>>): Record<MergeField, MergeChoice> {
  return Object.fromEntries(MERGE_FIELDS.map((field) => [field, fields[field] ?? 'survivor'])) as Record<
    MergeField,
    MergeChoice
  >;
}

export async function mergePatients(
  db: Kysely<Database>,
  input: { survivorId: string; mergedId: string; fields: Partial<Record<MergeField, MergeChoice>> },
  actor: string | null,
  now: number,
): Promise<{ record: PatientRecord; mergeId: string; moved: Record<string, number> }> {
  const context = await patientContext(db);
  const survivor = await livePatient(db, input.survivorId, 'survivorId');
  const merged = await livePatient(db, input.mergedId, 'mergedId');
  if (survivor.merged_into_id !== null) {
    throw new ApiError(
      'CONFLICT',
      `${describePatient(survivor)} was itself merged into another record; merge into that one instead.`,
    );
  }
  if (merged.merged_into_id !== null)
    throw new ApiError('CONFLICT', `${describePatient(merged)} has already been merged into another record.`);
  if (await hasBillingRecords(db, input.mergedId)) {
    const other = (await hasBillingRecords(db, input.survivorId))
      ? 'Both records have billing history, so they cannot be merged; settle and note the duplicate instead.'
      : `Keep ${describePatient(merged)} and merge ${describePatient(survivor)} into it instead.`;
    throw new ApiError(
      'CONFLICT',
      `${describePatient(merged)} has invoices or payments, which stay with the record they were billed to. ${other}`,
      { fields: { mergedId: 'has billing history' } },
    );
  }
  const choices = fullChoices(input.fields);

  // Linked rows: snapshot, then move to the survivor.
  const linked: LinkedSnapshot[] = [];
  const moved: Record<string, number> = {};
  for (const { table, column, hasUpdatedAt } of await linkedTables(db)) {
    const rows = await selectRows(db, table, column, input.mergedId);
    if (rows.length === 0) continue;
    linked.push({ table, column, rows });
    moved[table] = rows.length;
    let nextPosition = 0;
    let survivorHasPrimary = false;
    if (table === 'patient_phones' || table === 'patient_contacts') {
      const last = await sql<{
        top: number | null;
      }>`SELECT max(position) AS top FROM ${sql.table(table)} WHERE patient_id = ${input.survivorId}`.execute(db);
      nextPosition = (last.rows[0]?.top ?? -1) + 1;
    }
    if (table === 'patient_phones') {
      const primary =
        await sql`SELECT 1 FROM patient_phones WHERE patient_id = ${input.survivorId} AND is_primary = 1 AND deleted_at IS NULL`.execute(
          db,
        );
      survivorHasPrimary = primary.rows.length > 0;
    }
    const ordered =
      'position' in (rows[0] ?? {}) ? [...rows].sort((x, y) => Number(x.position) - Number(y.position)) : rows;
    for (const row of ordered) {
      const values: Row = { [column]: input.survivorId };
      if (hasUpdatedAt) values.updated_at = bumped(row.updated_at, now);
      if (table === 'patient_phones' || table === 'patient_contacts') values.position = nextPosition++;
      // The survivor keeps its own primary phone; the merged record's becomes primary only when it has none.
      if (table === 'patient_phones')
        values.is_primary = row.is_primary === 1 && row.deleted_at === null && !survivorHasPrimary ? 1 : 0;
      await updateRow(db, table, row.id, values);
    }
  }

  // "Not the same person" pairs follow the person; the pair between the two records goes.
  const removed = (
    await sql<NotDuplicateRow>`SELECT * FROM patient_not_duplicates WHERE patient_a = ${input.mergedId} OR patient_b = ${input.mergedId}
      ORDER BY patient_a, patient_b`.execute(db)
  ).rows;
  await sql`DELETE FROM patient_not_duplicates WHERE patient_a = ${input.mergedId} OR patient_b = ${input.mergedId}`.execute(
    db,
  );
  const added: { patient_a: string; patient_b: string }[] = [];
  for (const pair of removed) {
    const other = pair.patient_a === input.mergedId ? pair.patient_b : pair.patient_a;
    if (other === input.survivorId) continue;
    const [a, b] = input.survivorId < other ? [input.survivorId, other] : [other, input.survivorId];
    const inserted =
      await sql`INSERT INTO patient_not_duplicates (patient_a, patient_b, decided_by, created_at, updated_at)
      VALUES (${a}, ${b}, ${pair.decided_by}, ${now}, ${now}) ON CONFLICT DO NOTHING`.execute(db);
    if (Number(inserted.numAffectedRows ?? 0) > 0) added.push({ patient_a: a, patient_b: b });
  }

  // The records: the survivor takes the chosen fields, the merged one points at it.
  const taken: Row = {};
  for (const field of MERGE_FIELDS) {
    if (choices[field] !== 'merged') continue;
    for (const column of COLUMNS[field]) taken[column] = merged[column];
  }
  await updateRow(db, 'patients', survivor.id, { ...taken, updated_at: bumped(survivor.updated_at, now) });
  await updateRow(db, 'patients', merged.id, {
    merged_into_id: survivor.id,
    updated_at: bumped(merged.updated_at, now),
  });

  const snapshot: MergeSnapshot = {
    survivor: { before: survivor, after: (await selectPatient(db, input.survivorId)) ?? {} },
    merged: { before: merged, after: (await selectPatient(db, input.mergedId)) ?? {} },
    linked,
    notDuplicates: { removed, added },
  };
  const mergeId = newId();
  await sql`INSERT INTO patient_merges (id, survivor_id, merged_id, merged_by, merged_at, fields, snapshot, created_at, updated_at)
    VALUES (${mergeId}, ${input.survivorId}, ${input.mergedId}, ${actor}, ${now}, ${JSON.stringify(choices)}, ${JSON.stringify(snapshot)}, ${now}, ${now})`.execute(
    db,
  );
  await reindexPatient(db, input.survivorId);
  await reindexPatient(db, input.mergedId);
  return { record: await requireRecord(db, input.survivorId, today(context, now)), mergeId, moved };
}

function changedColumns(expected: Row, current: Row | undefined): string[] {
  if (!current) return ['the whole record'];
  return Object.keys(expected).filter((column) => current[column] !== expected[column]);
}

export async function unmergePatients(
  db: Kysely<Database>,
  mergeId: string,
  actor: string | null,
  now: number,
): Promise<{ survivor: PatientRecord; restored: PatientRecord; merge: { survivorId: string; mergedId: string } }> {
  const context = await patientContext(db);
  const merge = (await sql<MergeRow>`SELECT * FROM patient_merges WHERE id = ${mergeId}`.execute(db)).rows[0];
  if (!merge) throw new ApiError('NOT_FOUND', 'There is no such merge.', { fields: { mergeId: 'no such merge' } });
  if (merge.undone_at !== null) throw new ApiError('CONFLICT', 'This merge has already been undone.');
  const snapshot = JSON.parse(merge.snapshot) as MergeSnapshot;

  // Refuse when anything the merge produced has changed since: undoing would silently drop that change.
  for (const [role, side] of [
    ['surviving', snapshot.survivor],
    ['merged', snapshot.merged],
  ] as const) {
    const current = await selectPatient(db, String(side.after.id));
    const changed = changedColumns(side.after, current);
    if (changed.length === 0) continue;
    const why =
      current && current.merged_into_id !== side.after.merged_into_id && current.merged_into_id !== null
        ? 'it has since been merged into another record; undo that merge first'
        : current && current.deleted_at !== null
          ? 'it has since been deleted'
          : `it was changed after the merge (${changed.map((column) => column.replace(/_/g, ' ')).join(', ')})`;
    throw new ApiError(
      'CONFLICT',
      `This merge cannot be undone: the ${role} record ${describePatient(side.after)} — ${why}.`,
      {
        record: role,
        patientId: side.after.id,
        changed,
      },
    );
  }
  for (const { table, column, rows } of snapshot.linked) {
    for (const row of rows) {
      const current = (await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE id = ${row.id}`.execute(db)).rows[0];
      const expectedUpdatedAt = 'updated_at' in row ? bumped(row.updated_at, merge.merged_at) : undefined;
      if (
        !current ||
        current[column] !== merge.survivor_id ||
        (expectedUpdatedAt !== undefined && current.updated_at !== expectedUpdatedAt)
      ) {
        throw new ApiError(
          'CONFLICT',
          `This merge cannot be undone: ${ROW_LABELS[table] ?? `a row of ${table}`} it moved was changed or removed after the merge.`,
          { table, rowId: row.id },
        );
      }
    }
  }

  // Put everything back as it was.
  for (const pair of snapshot.notDuplicates.added) {
    await sql`DELETE FROM patient_not_duplicates WHERE patient_a = ${pair.patient_a} AND patient_b = ${pair.patient_b}`.execute(
      db,
    );
  }
  for (const pair of snapshot.notDuplicates.removed) {
    await sql`INSERT INTO patient_not_duplicates (patient_a, patient_b, decided_by, created_at, updated_at)
      VALUES (${pair.patient_a}, ${pair.patient_b}, ${pair.decided_by}, ${pair.created_at}, ${pair.updated_at})`.execute(
      db,
    );
  }
  for (const { table, rows } of snapshot.linked) {
    for (const row of rows) await updateRow(db, table, row.id, row);
  }
  await updateRow(db, 'patients', merge.merged_id, snapshot.merged.before);
  await updateRow(db, 'patients', merge.survivor_id, snapshot.survivor.before);
  await sql`UPDATE patient_merges SET undone_at = ${now}, undone_by = ${actor}, updated_at = ${Math.max(now, merge.merged_at + 1)} WHERE id = ${mergeId}`.execute(
    db,
  );
  await reindexPatient(db, merge.survivor_id);
  await reindexPatient(db, merge.merged_id);
  const todayIso = today(context, now);
  return {
    survivor: await requireRecord(db, merge.survivor_id, todayIso),
    restored: await requireRecord(db, merge.merged_id, todayIso),
    merge: { survivorId: merge.survivor_id, mergedId: merge.merged_id },
  };
}

/** The merges a patient took part in, as survivor or as the merged record, newest first. */
export async function listMerges(db: ReadDb, patientId: string): Promise<PatientMergeSummary[]> {
  const rows = await sql<MergeRow & { merged_by_name: string | null; undone_by_name: string | null }>`
    SELECT m.*, u.display_name AS merged_by_name, v.display_name AS undone_by_name
    FROM patient_merges m
    LEFT JOIN users u ON u.id = m.merged_by
    LEFT JOIN users v ON v.id = m.undone_by
    WHERE m.survivor_id = ${patientId} OR m.merged_id = ${patientId}
    ORDER BY m.merged_at DESC, m.id DESC`.execute(db);
  return rows.rows.map((row) => {
    const snapshot = JSON.parse(row.snapshot) as MergeSnapshot;
    return {
      id: row.id,
      survivorId: row.survivor_id,
      survivorMrn: String(snapshot.survivor.before.mrn),
      survivorName: nameOf(snapshot.survivor.after),
      mergedId: row.merged_id,
      mergedMrn: String(snapshot.merged.before.mrn),
      mergedName: nameOf(snapshot.merged.before),
      mergedAt: row.merged_at,
      mergedBy: row.merged_by_name,
      fields: fullChoices(JSON.parse(row.fields) as Partial<Record<MergeField, MergeChoice>>),
      moved: Object.fromEntries(snapshot.linked.map((entry) => [entry.table, entry.rows.length])),
      undoneAt: row.undone_at,
      undoneBy: row.undone_by_name,
    };
  });
}
