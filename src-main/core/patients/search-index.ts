import { nameWords, searchWords } from '../../../src-shared/patients/names';
import { phoneDigits, reversedDigits } from '../../../src-shared/patients/phones';
import type { PatientRow } from '../db/schema';

/**
 * The local search index: patient_search (one row per findable patient), patient_name_tokens
 * (word prefixes, in name order) and patient_fts (trigram substrings). Derived from the patient's
 * rows and rewritten by `reindexPatient` (search-index-repository.ts) in the same transaction as every
 * change to them. This file is what the index holds; the repository writes it.
 */

export type IndexedPatient = Pick<
  PatientRow,
  'first_name' | 'middle_name' | 'last_name' | 'preferred_name' | 'dob' | 'mrn' | 'email'
>;

export interface SearchFields {
  sortName: string;
  /** ' maria jose garcia lopez': a leading space so "LIKE '% gar%'" means "a word starting with gar". */
  nameWords: string;
  tokens: string[];
  dob: string;
  phones: string;
  /** Each phone's digits reversed (patient_phone_suffixes): typed trailing digits are a prefix of these. */
  phoneSuffixes: string[];
  mrn: string;
  email: string;
}

/** Pure: what the index holds for a patient with these phone numbers. */
export function searchFields(patient: IndexedPatient, phoneNumbers: readonly string[]): SearchFields {
  const tokens = searchWords([patient.first_name, patient.middle_name, patient.last_name, patient.preferred_name]);
  const sortName = [patient.last_name, patient.first_name, patient.middle_name ?? '']
    .map((part) => nameWords(part).join(' '))
    .join(' ')
    .trim();
  return {
    sortName,
    nameWords: ` ${tokens.join(' ')}`,
    tokens,
    dob: patient.dob,
    phones: phoneNumbers.map(phoneDigits).join(' '),
    phoneSuffixes: phoneSuffixKeys(phoneNumbers),
    mrn: patient.mrn.toLowerCase(),
    email: patient.email ?? '',
  };
}

/** The FTS row's name column: the words without the leading space. */
export function ftsName(fields: SearchFields): string {
  return fields.nameWords.trimStart();
}

/** The reversed digits of each number, once each: what patient_phone_suffixes holds for a patient. */
export function phoneSuffixKeys(phoneNumbers: readonly string[]): string[] {
  const keys = phoneNumbers.map(reversedDigits).filter((key) => key !== '');
  return [...new Set(keys)];
}

/** Every ordered pair of a name's words, a word with itself included: what patient_name_pairs holds. */
export function namePairs(tokens: readonly string[]): [string, string][] {
  const words = [...new Set(tokens)];
  return words.flatMap((word) => words.map((other): [string, string] => [word, other]));
}
