import type { Kysely } from 'kysely';
import {
  MERGE_FIELDS,
  type MergeChoice,
  type MergeField,
  type PatientMergeSummary,
  type PatientRecord,
} from '../../../src-shared/patients/model';
import { ApiError } from '../../../src-shared/api/errors';
import { displayName } from '../../../src-shared/patients/names';
import type { Database, PatientNotDuplicateRow } from '../db/schema';
import { newId } from '../ids';
import {
  addNotDuplicate,
  findMerge,
  hasBillingRecords,
  hasPrimaryPhone,
  insertMerge,
  linkedTables,
  markMergeUndone,
  mergesOf,
  removeNotDuplicate,
  selectPatient,
  selectRow,
  selectRows,
  takeNotDuplicates,
  topPosition,
  updateRow,
  type Row,
} from './merge-repository';
import { reindexPatient } from './search-index-repository';
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

type NotDuplicateRow = PatientNotDuplicateRow;

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
      nextPosition = (await topPosition(db, table, input.survivorId)) + 1;
    }
    if (table === 'patient_phones') {
      survivorHasPrimary = await hasPrimaryPhone(db, input.survivorId);
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
  const removed = await takeNotDuplicates(db, input.mergedId);
  const added: { patient_a: string; patient_b: string }[] = [];
  for (const pair of removed) {
    const other = pair.patient_a === input.mergedId ? pair.patient_b : pair.patient_a;
    if (other === input.survivorId) continue;
    const [a, b] = input.survivorId < other ? [input.survivorId, other] : [other, input.survivorId];
    if (
      await addNotDuplicate(db, {
        patient_a: a,
        patient_b: b,
        decided_by: pair.decided_by,
        created_at: now,
        updated_at: now,
      })
    )
      added.push({ patient_a: a, patient_b: b });
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
  await insertMerge(db, {
    id: mergeId,
    survivor_id: input.survivorId,
    merged_id: input.mergedId,
    merged_by: actor,
    merged_at: now,
    fields: JSON.stringify(choices),
    snapshot: JSON.stringify(snapshot),
    undone_at: null,
    undone_by: null,
    created_at: now,
    updated_at: now,
  });
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
  const merge = await findMerge(db, mergeId);
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
      const current = await selectRow(db, table, row.id);
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
    await removeNotDuplicate(db, pair);
  }
  for (const pair of snapshot.notDuplicates.removed) {
    await addNotDuplicate(db, pair);
  }
  for (const { table, rows } of snapshot.linked) {
    for (const row of rows) await updateRow(db, table, row.id, row);
  }
  await updateRow(db, 'patients', merge.merged_id, snapshot.merged.before);
  await updateRow(db, 'patients', merge.survivor_id, snapshot.survivor.before);
  await markMergeUndone(db, mergeId, actor, Math.max(now, merge.merged_at + 1), now);
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
  const rows = await mergesOf(db, patientId);
  return rows.map((row) => {
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
