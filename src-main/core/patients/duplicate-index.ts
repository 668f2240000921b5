import type { CandidateKeys } from './duplicate-candidate-repository';
import { candidatePerson } from './duplicate-check';
import type { IndexedPatientRow } from './duplicate-index-repository';
import type { PersonForMatching } from './duplicates';

/**
 * The live check's candidate sources (duplicate-candidate-repository.ts) as blocks in memory, built once from
 * every live patient, for a pass that asks for the candidates of thousands of patients at once (a
 * snapshot's new patients): one query each cost ~3 ms, a look-up here a few microseconds. A block holds
 * whom the source's query would fetch, with no bound on its size: the query's LIMIT only keeps a form's
 * answer quick, and a pass that must not miss a pair has no form waiting.
 *
 * The sources, each answered from the blocks below:
 * - the same date of birth, or day and month swapped (`dob`);
 * - a date of birth one slip apart, sharing a name word (`dob`, then the candidate's words);
 * - the same postcode or town, sharing a name word (`postcodeWord`, `cityWord`);
 * - a given-name word and a family-name word both among the candidate's words (`wordPair`);
 * - a shared phone tail, email or national id.
 */

export interface DuplicateIndex {
  readonly rows: readonly IndexedPatientRow[];
  /** Each patient as the candidate side of a pair. */
  readonly people: readonly PersonForMatching[];
  /** Each patient's phone numbers as typed (what the subject side of a pair reads). */
  readonly numbers: readonly (readonly string[])[];
  readonly byId: ReadonlyMap<string, number>;
  /** Every patient (by place in `rows`) the candidate query would fetch for these keys. */
  candidates(keys: CandidateKeys): Set<number>;
}

type Blocks = Map<string, number[]>;

function put(blocks: Blocks, key: string, i: number): void {
  const block = blocks.get(key);
  if (!block) blocks.set(key, [i]);
  else if (block[block.length - 1] !== i) block.push(i);
}

/** Two parts of a key, apart by a character no postcode, town or word holds. */
const joined = (a: string, b: string) => `${a}\u0000${b}`;

export function buildDuplicateIndex(
  rows: readonly IndexedPatientRow[],
  tokens: readonly { key: number; token: string }[],
  phones: readonly { patient_id: string; number: string; tail: string }[],
): DuplicateIndex {
  const byId = new Map(rows.map((row, i) => [row.id, i]));
  const bySearchKey = new Map<number, number>();
  rows.forEach((row, i) => {
    if (row.search_key !== null) bySearchKey.set(row.search_key, i);
  });

  const words: Set<string>[] = rows.map(() => new Set());
  for (const { key, token } of tokens) {
    const i = bySearchKey.get(key);
    if (i !== undefined) words[i]?.add(token);
  }
  const tails: string[][] = rows.map(() => []);
  const numbers: string[][] = rows.map(() => []);
  const byTail: Blocks = new Map();
  for (const phone of phones) {
    const i = byId.get(phone.patient_id);
    if (i === undefined) continue;
    tails[i]?.push(phone.tail);
    numbers[i]?.push(phone.number);
    put(byTail, phone.tail, i);
  }

  const dob: Blocks = new Map();
  const postcodeWord: Blocks = new Map();
  const cityWord: Blocks = new Map();
  const wordPair: Blocks = new Map();
  const byEmail: Blocks = new Map();
  const byNationalId: Blocks = new Map();
  rows.forEach((row, i) => {
    if (row.email !== null) put(byEmail, row.email, i);
    if (row.national_id !== null) put(byNationalId, row.national_id, i);
    // The date and name sources read the search index: a patient not in it is not found by them.
    if (row.search_key === null || row.search_dob === null) return;
    put(dob, row.search_dob, i);
    const own = [...(words[i] ?? [])].sort();
    for (const word of own) {
      if (row.postcode_key) put(postcodeWord, joined(row.postcode_key, word), i);
      if (row.city_key) put(cityWord, joined(row.city_key, word), i);
    }
    // Every pair of its words, a word with itself too (one word can be both a given and a family word asked for).
    for (let x = 0; x < own.length; x += 1)
      for (let y = x; y < own.length; y += 1) put(wordPair, joined(own[x] ?? '', own[y] ?? ''), i);
  });

  const people = rows.map((row, i) => {
    const own = tails[i] ?? [];
    return candidatePerson({ ...row, tails: own.length > 0 ? own.join(' ') : null });
  });

  return {
    rows,
    people,
    numbers,
    byId,
    candidates(keys) {
      const found = new Set<number>();
      const add = (block: readonly number[] | undefined) => {
        for (const i of block ?? []) found.add(i);
      };
      const asked = [...new Set([...keys.given, ...keys.family])];
      for (const date of keys.dates) add(dob.get(date));
      if (asked.length > 0) {
        for (const date of keys.nearDates)
          for (const i of dob.get(date) ?? []) if (asked.some((word) => words[i]?.has(word))) found.add(i);
        for (const word of asked) {
          if (keys.postcode !== '') add(postcodeWord.get(joined(keys.postcode, word)));
          if (keys.city !== '') add(cityWord.get(joined(keys.city, word)));
        }
      }
      for (const given of keys.given)
        for (const family of keys.family)
          add(wordPair.get(given < family ? joined(given, family) : joined(family, given)));
      for (const tail of keys.phoneTails) add(byTail.get(tail));
      if (keys.email) add(byEmail.get(keys.email));
      if (keys.nationalId) add(byNationalId.get(keys.nationalId));
      return found;
    },
  };
}
