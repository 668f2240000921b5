import type { Kysely } from 'kysely';
import type { DuplicatePair } from '../../../src-shared/patients/model';
import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { swapDayMonth } from '../../../src-shared/patients/dates';
import type { Database } from '../db/schema';
import { findablePatients, livePhones, type DuplicateFields } from './duplicate-candidate-repository';
import { postcodeKey } from './duplicate-address';
import { blockingWords, nearDates } from './duplicate-fields';
import { scorePair, type PersonForMatching } from './duplicates';
import { notDuplicatePairs, recordNotDuplicates } from './not-duplicate-repository';
import { toSearchRow } from './search-row';
import { requireLivePatient } from './live-patient';
import type { ReadDb } from '../db/handles';

/**
 * The manager's duplicate finder: every likely pair in the clinic, scored by the same pure rules as
 * registration (duplicates.ts). Reads every findable patient once and compares only people sharing a
 * block, the same blocks the live check fetches by: the same date of birth or a day/month-swapped
 * one; a date of birth one slip apart with a name word in common; the same postcode or town with a
 * name word in common; a given-name word and a family-name word in common; a phone, an email or a national id.
 * Blocks larger than MAX_BLOCK (a clinic's own phone number typed for hundreds of patients) say
 * nothing about identity and are skipped.
 */

export const MAX_BLOCK = 200;

export async function findDuplicatePairs(
  db: ReadDb,
  options: { limit: number; minScore: number; dateFormat: DateFormat; today: string },
): Promise<DuplicatePair[]> {
  const patients = await findablePatients(db);
  const phones = await livePhones(db);
  const notSame = new Set((await notDuplicatePairs(db)).map((pair) => `${pair.patient_a}|${pair.patient_b}`));

  const index = new Map(patients.map((row, i) => [row.id, i]));
  const tails: string[][] = patients.map(() => []);
  const primary: (string | null)[] = patients.map(() => null);
  for (const phone of phones) {
    const i = index.get(phone.patient_id);
    if (i === undefined) continue;
    tails[i]?.push(phone.tail);
    if (phone.is_primary === 1) primary[i] = phone.number;
  }

  const blocks = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const block = blocks.get(key);
    if (block) {
      if (block[block.length - 1] !== i) block.push(i);
    } else blocks.set(key, [i]);
  };
  const words = patients.map((row) =>
    blockingWords({ firstName: row.first_name, middleName: row.middle_name, lastName: row.last_name }),
  );
  patients.forEach((row, i) => {
    put(`d:${row.dob}`, i);
    if (row.email) put(`e:${row.email.toLowerCase()}`, i);
    if (row.national_id) put(`n:${row.national_id}`, i);
    for (const tail of tails[i] ?? []) if (tail.length >= 6) put(`p:${tail}`, i);
    const { given, family } = words[i] as { given: string[]; family: string[] };
    const postcode = postcodeKey(row.postal_code);
    const city = (row.city ?? '').trim().toLowerCase();
    for (const word of new Set([...given, ...family])) {
      put(`dw:${row.dob}|${word}`, i);
      if (postcode) put(`pw:${postcode}|${word}`, i);
      if (city) put(`cw:${city}|${word}`, i);
    }
    // Given and family word in either order, so that swapped names share the block.
    for (const g of given) for (const f of family) put(g < f ? `nm:${g}|${f}` : `nm:${f}|${g}`, i);
  });

  const pairs = new Set<number>();
  const n = patients.length;
  const addPair = (i: number, j: number) => {
    if (i !== j) pairs.add(i < j ? i * n + j : j * n + i);
  };
  for (const [key, block] of blocks) {
    // Date-and-word blocks only serve the one-slip-apart lookups below: their pairs share a date of birth anyway.
    if (block.length < 2 || block.length > MAX_BLOCK || key.startsWith('dw:')) continue;
    for (let x = 0; x < block.length; x += 1)
      for (let y = x + 1; y < block.length; y += 1) addPair(block[x] as number, block[y] as number);
  }
  const pairWithBlock = (i: number, key: string) => {
    const block = blocks.get(key);
    if (block && block.length <= MAX_BLOCK) for (const j of block) addPair(i, j);
  };
  patients.forEach((row, i) => {
    const swapped = swapDayMonth(row.dob);
    if (swapped && swapped !== row.dob) pairWithBlock(i, `d:${swapped}`);
    const { given, family } = words[i] as { given: string[]; family: string[] };
    const own = new Set([...given, ...family]);
    for (const date of nearDates(row.dob)) for (const word of own) pairWithBlock(i, `dw:${date}|${word}`);
  });

  const people = patients.map((row, i): PersonForMatching => ({
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    dob: row.dob,
    phoneTails: tails[i] ?? [],
    email: row.email,
    nationalId: row.national_id,
    address: { line1: row.address_line1, line2: row.address_line2, city: row.city, postalCode: row.postal_code },
  }));
  const found: { i: number; j: number; score: NonNullable<ReturnType<typeof scorePair>> }[] = [];
  for (const key of pairs) {
    const i = Math.floor(key / n);
    const j = key % n;
    const [a, b] = [patients[i] as DuplicateFields, patients[j] as DuplicateFields];
    if (notSame.has(a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`)) continue;
    const score = scorePair(people[i] as PersonForMatching, people[j] as PersonForMatching, options.dateFormat);
    if (score && score.score >= options.minScore) found.push({ i, j, score });
  }
  const display = (i: number) =>
    toSearchRow({ ...(patients[i] as DuplicateFields), phone: primary[i] ?? null }, options.today, 'partial');
  // Best first; among equals, the earliest registered first.
  return found
    .sort((x, y) => y.score.score - x.score.score || x.i - y.i || x.j - y.j)
    .slice(0, options.limit)
    .map(({ i, j, score }) => ({ a: display(i), b: display(j), ...score }));
}

/** "These two are different people": the finder and registration stop suggesting the pair. */
export async function markNotDuplicate(
  db: Kysely<Database>,
  input: { a: string; b: string },
  actor: string | null,
  now: number,
): Promise<{ a: string; b: string }> {
  for (const [field, id] of [
    ['a', input.a],
    ['b', input.b],
  ] as const) {
    await requireLivePatient(db, id, field);
  }
  await recordNotDuplicates(db, input.a, [input.b], actor, now);
  return input.a < input.b ? { a: input.a, b: input.b } : { a: input.b, b: input.a };
}
