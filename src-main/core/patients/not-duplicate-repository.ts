import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReadDb } from '../db/handles';

/** Pairs of records a user said are different people (the duplicate finder skips them). */

export async function recordNotDuplicates(
  db: Kysely<Database>,
  patientId: string,
  others: readonly string[],
  decidedBy: string | null,
  now: number,
) {
  for (const other of others) {
    if (other === patientId) continue;
    const [a, b] = patientId < other ? [patientId, other] : [other, patientId];
    await db
      .insertInto('patient_not_duplicates')
      .values({ patient_a: a, patient_b: b, decided_by: decidedBy, created_at: now, updated_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function notDuplicatesOf(db: ReadDb, patientId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('patient_not_duplicates')
    .select(['patient_a', 'patient_b'])
    .where((eb) => eb.or([eb('patient_a', '=', patientId), eb('patient_b', '=', patientId)]))
    .execute();
  return new Set(rows.map((row) => (row.patient_a === patientId ? row.patient_b : row.patient_a)));
}

/** Every pair marked "not the same person". */
export async function notDuplicatePairs(db: ReadDb): Promise<{ patient_a: string; patient_b: string }[]> {
  return db.selectFrom('patient_not_duplicates').select(['patient_a', 'patient_b']).execute();
}
