import type { PatientDraftInput } from '../../../src-shared/api/areas/patients';
import type { DuplicateCandidate } from '../../../src-shared/patients/model';
import { parseDateInput, swapDayMonth } from '../../../src-shared/patients/dates';
import { isPlausiblePhone, normalisePhone, phoneTail } from '../../../src-shared/patients/phones';
import { postcodeKey } from './duplicate-address';
import { duplicateCandidateRows, type CandidateKeys, type CandidateRow } from './duplicate-candidate-repository';
import { blockingWords, nearDates } from './duplicate-fields';
import { scorePair, type PersonForMatching } from './duplicates';
import { normaliseNationalId, type PatientContext } from './repository';
import { notDuplicatesOf } from './not-duplicate-repository';
import { toSearchRow } from './search-row';
import type { ReadDb } from '../db/handles';

/** A draft as the rules see it, and the keys its candidates are fetched by (duplicate-candidate-repository.ts). */
export interface DraftMatching {
  person: PersonForMatching;
  keys: CandidateKeys;
}

/**
 * How the live check reads a draft: the date of birth in the clinic's format, plausible phones to
 * their tails, email and national id written one way. The snapshot's duplicate pass
 * (duplicate-pass.ts) reads every new patient through this same function.
 */
export function draftMatching(context: PatientContext, draft: PatientDraftInput): DraftMatching {
  const dob = draft.dob ? parseDateInput(draft.dob, context.dateFormat) : null;
  const tails = [
    ...new Set(
      draft.phones
        .filter((p) => isPlausiblePhone(p.number))
        .map((p) => phoneTail(normalisePhone(p.number, context.callingCode))),
    ),
  ];
  const person: PersonForMatching = {
    firstName: draft.firstName ?? '',
    middleName: draft.middleName ?? null,
    lastName: draft.lastName ?? '',
    dob,
    phoneTails: tails,
    email: draft.email?.trim().toLowerCase() || null,
    nationalId: normaliseNationalId(draft.nationalId),
    address: draft.address,
  };
  const words = blockingWords(person);
  const keys: CandidateKeys = {
    dates: dob ? [dob, swapDayMonth(dob)].filter((d): d is string => d !== null) : [],
    nearDates: dob ? nearDates(dob) : [],
    given: words.given,
    family: words.family,
    postcode: postcodeKey(draft.address.postalCode),
    city: (draft.address.city ?? '').trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase()),
    phoneTails: tails,
    email: person.email ?? null,
    nationalId: person.nationalId ?? null,
  };
  return { person, keys };
}

/** A stored patient as the rules see it (the candidate side of a pair). */
export function candidatePerson(
  row: Pick<
    CandidateRow,
    | 'first_name'
    | 'middle_name'
    | 'last_name'
    | 'dob'
    | 'tails'
    | 'email'
    | 'national_id'
    | 'address_line1'
    | 'address_line2'
    | 'city'
    | 'postal_code'
  >,
): PersonForMatching {
  return {
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    dob: row.dob,
    phoneTails: row.tails ? row.tails.split(' ') : [],
    email: row.email,
    nationalId: row.national_id,
    address: { line1: row.address_line1, line2: row.address_line2, city: row.city, postalCode: row.postal_code },
  };
}

/**
 * Patients who may be the person in the draft, best first, each with its reasons: the live check
 * while a registration or edit form is typed, and the check that refuses `patients.create` and
 * `patients.update` over a strong candidate. Candidates come from duplicate-candidate-repository.ts and are
 * scored by the pure rules of duplicates.ts, the same rules as the manager's finder.
 */
export async function findDuplicates(
  db: ReadDb,
  context: PatientContext,
  todayIso: string,
  draft: PatientDraftInput,
): Promise<DuplicateCandidate[]> {
  const { person, keys } = draftMatching(context, draft);
  const rows = await duplicateCandidateRows(db, keys);
  const notSame = draft.excludePatientId ? await notDuplicatesOf(db, draft.excludePatientId) : new Set<string>();
  const candidates: DuplicateCandidate[] = [];
  for (const row of rows) {
    if (row.id === draft.excludePatientId || notSame.has(row.id)) continue;
    const score = scorePair(person, candidatePerson(row), context.dateFormat);
    if (!score) continue;
    candidates.push({ patient: toSearchRow(row, todayIso, 'partial'), ...score });
  }
  candidates.sort((a, b) => b.score - a.score || a.patient.name.localeCompare(b.patient.name));
  return candidates.slice(0, draft.limit);
}
