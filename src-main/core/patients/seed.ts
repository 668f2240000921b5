import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { isoFromParts, swapDayMonth } from '../../../src-shared/patients/dates';
import { foldText } from '../../../src-shared/patients/names';
import { newId } from '../ids';
import { CITIES, FEMALE, LANGUAGES, LAST, MALE, STREETS } from './seed-names';
import { patientSeedWriter } from './seed-repository';

/**
 * Realistic made-up patients, the same ones for the same seed: mixed names with accents, phones,
 * dates of birth, some near-duplicates of earlier patients (a typo, accents dropped, first and last
 * names swapped, day and month swapped). seed-repository.ts writes them with the raw handle in large
 * transactions.
 */

/** mulberry32: small, fast, good enough for test data. */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedPatient {
  id: string;
  mrn: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  dob: string;
  sex: 'female' | 'male';
  email: string | null;
  nationalId: string | null;
  phones: { kind: 'mobile' | 'home' | 'work'; number: string }[];
  address: { line1: string; city: string; postalCode: string };
  language: string;
}

function typo(text: string, random: () => number): string {
  if (text.length < 4) return text;
  const i = 1 + Math.floor(random() * (text.length - 2));
  return text.slice(0, i) + (text[i + 1] ?? '') + (text[i] ?? '') + text.slice(i + 2);
}

/** Patient number `index` (0-based) for this seed; near-duplicates copy an earlier patient. */
export function* generatePatients(count: number, seed: number, mrn: (index: number) => string): Generator<SeedPatient> {
  const random = makeRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const recent: SeedPatient[] = [];
  for (let index = 0; index < count; index += 1) {
    const base = recent.length > 0 && random() < 0.02 ? pick(recent) : null;
    let patient: SeedPatient;
    if (base) {
      const variant = Math.floor(random() * 4);
      const fold = (s: string) => foldText(s).replace(/^./, (c) => c.toUpperCase());
      patient = {
        ...base,
        id: newId(),
        mrn: mrn(index),
        firstName:
          variant === 0
            ? fold(base.firstName)
            : variant === 2
              ? base.lastName
              : variant === 1
                ? typo(base.firstName, random)
                : base.firstName,
        lastName: variant === 2 ? base.firstName : base.lastName,
        dob: variant === 3 ? (swapDayMonth(base.dob) ?? base.dob) : base.dob,
        nationalId: null,
        phones: random() < 0.5 ? base.phones : [],
      };
    } else {
      const sex = random() < 0.5 ? 'female' : 'male';
      const firstName = pick(sex === 'female' ? FEMALE : MALE);
      const lastName = pick(LAST);
      const year = 1930 + Math.floor(random() * 95);
      const dob = isoFromParts(year, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)) ?? '1970-01-01';
      const phones: SeedPatient['phones'] = [{ kind: 'mobile', number: `+447${digits(9)}` }];
      if (random() < 0.3) phones.push({ kind: 'home', number: `+44${pick(['20', '121', '161', '113'])}${digits(7)}` });
      const local = foldText(`${firstName}.${lastName}`).replace(/[^a-z.]/g, '');
      patient = {
        id: newId(),
        mrn: mrn(index),
        firstName,
        middleName: random() < 0.2 ? pick(sex === 'female' ? FEMALE : MALE) : null,
        lastName,
        dob,
        sex,
        email: random() < 0.6 ? `${local}${Math.floor(random() * 100)}@example.com` : null,
        nationalId:
          random() < 0.5
            ? `${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}${digits(6)}`
            : null,
        phones,
        address: {
          line1: `${1 + Math.floor(random() * 200)} ${pick(STREETS)}`,
          city: pick(CITIES),
          postalCode: `RV${1 + Math.floor(random() * 9)} ${digits(1)}AB`,
        },
        language: pick(LANGUAGES),
      };
      recent.push(patient);
      if (recent.length > 500) recent.shift();
    }
    yield patient;
  }
}

/** Adds `count` patients to the open database; returns how many were written. */
export function seedPatients(handle: BetterSqlite3.Database, count: number, seed: number, now: number): number {
  const writer = patientSeedWriter(handle, now);
  const { prefix, digits, next } = writer.mrnCounter;
  const mrn = (index: number) => `${prefix}${String(next + index).padStart(digits, '0')}`;
  let pending: SeedPatient[] = [];
  let written = 0;
  for (const patient of generatePatients(count, seed, mrn)) {
    pending.push(patient);
    if (pending.length === 10_000) {
      writer.writeBatch(pending);
      written += pending.length;
      pending = [];
    }
  }
  if (pending.length > 0) writer.writeBatch(pending);
  written += pending.length;
  writer.finish(count);
  return written;
}
