import type { PatientDraftInput } from '../../../src-shared/api/areas/patients';
import type { ReadDb } from '../db/handles';
import { draftMatching } from '../patients/duplicate-check';
import { buildDuplicateIndex } from '../patients/duplicate-index';
import {
  readIndexedPatients,
  readLivePhones,
  readNameTokens,
  readNotDuplicatePairs,
} from '../patients/duplicate-index-repository';
import { canBeStrong, scorePair } from '../patients/duplicates';
import type { PatientContext } from '../patients/repository';

/** A stored patient, with its phones as typed: what the duplicate rules are asked about. */
export interface MatchingPatient {
  id: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  dob: string | null;
  email: string | null;
  national_id: string | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  phones: readonly string[];
}

/** A stored patient as a registration draft (the live check's input), against every other patient. */
export function matchingDraft(person: MatchingPatient): PatientDraftInput {
  return {
    excludePatientId: person.id,
    firstName: person.first_name,
    middleName: person.middle_name,
    lastName: person.last_name,
    dob: person.dob,
    email: person.email,
    nationalId: person.national_id,
    phones: person.phones.map((number) => ({ number })),
    address: {
      line1: person.address_line1,
      line2: person.address_line2,
      city: person.city,
      region: person.region,
      postalCode: person.postal_code,
      country: person.country,
    },
    limit: 20,
  };
}

/** Stored dates of birth are ISO, whatever the clinic types. */
export const storedDates = (context: PatientContext): PatientContext => ({ ...context, dateFormat: 'YYYY-MM-DD' });

/**
 * Every pair of live patients the duplicate rules call strongly alike, not marked as two people, with at
 * least one of `subjectIds` in it: what asking `findDuplicates` about each subject would find (a pair
 * counts when either side's check finds the other), in one pass for a snapshot's thousands of new
 * patients. The candidates are the live check's (duplicate-index.ts, without the per-source bound, so
 * where a crowded block made that check skip someone this finds more, never less); each ordered pair is
 * scored once, as the subject's check scores it, after `canBeStrong` has let through only pairs that
 * could be strong. Pairs come sorted (first id < second), each once.
 */
export async function strongDuplicatePairs(
  db: ReadDb,
  context: PatientContext,
  subjectIds: readonly string[],
): Promise<[string, string][]> {
  if (subjectIds.length === 0) return [];
  const index = buildDuplicateIndex(await readIndexedPatients(db), await readNameTokens(db), await readLivePhones(db));
  const notSame = await readNotDuplicatePairs(db);
  const stored = storedDates(context);
  const pairs = new Map<string, [string, string]>();
  for (const subjectId of new Set(subjectIds)) {
    const i = index.byId.get(subjectId);
    const row = i === undefined ? undefined : index.rows[i];
    // Gone or merged since: a patient no one can find is no one's duplicate.
    if (i === undefined || !row) continue;
    const { person, keys } = draftMatching(stored, matchingDraft({ ...row, phones: index.numbers[i] ?? [] }));
    for (const j of index.candidates(keys)) {
      const other = index.rows[j];
      if (j === i || !other) continue;
      const [first, second] = row.id < other.id ? [row.id, other.id] : [other.id, row.id];
      const key = `${first}|${second}`;
      if (pairs.has(key) || notSame.has(key)) continue;
      const candidate = index.people[j];
      if (!candidate || !canBeStrong(person, candidate)) continue;
      if (scorePair(person, candidate, stored.dateFormat)?.strength === 'strong') pairs.set(key, [first, second]);
    }
  }
  return [...pairs.values()];
}
