import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { isoFromParts, swapDayMonth } from '../../../src-shared/patients/dates';
import { foldText } from '../../../src-shared/patients/names';
import { phoneTail } from '../../../src-shared/patients/phones';
import { newId } from '../ids';
import { ftsName, searchFields } from './search-index';

/**
 * Realistic made-up patients, the same ones for the same seed: mixed names with accents, phones,
 * dates of birth, some near-duplicates of earlier patients (a typo, accents dropped, first and last
 * names swapped, day and month swapped). Written with the raw handle in large transactions.
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

const FEMALE = [
  'Olivia',
  'Emma',
  'Amelia',
  'Sophie',
  'Isla',
  'Charlotte',
  'Grace',
  'Chloé',
  'Zoë',
  'Amélie',
  'Hélène',
  'Margaux',
  'Inès',
  'María',
  'Lucía',
  'Sofía',
  'Valentina',
  'Camila',
  'Ana',
  'Begoña',
  'Ximena',
  'Björk',
  'Åsa',
  'Sigrún',
  'Małgorzata',
  'Zofia',
  'Agnieszka',
  'Gisela',
  'Anneliese',
  'Ngọc',
  'Linh',
  'Thảo',
  'Aisha',
  'Fatima',
  'Layla',
  'Priya',
  'Ananya',
  'Siobhán',
  'Aoife',
  'Niamh',
  'Catherine',
  'Katherine',
  'Kathryn',
  'Elizabeth',
  'Mary',
  'Sarah',
  'Hannah',
  'Jessica',
  'Laura',
  'Ingrid',
  'Solveig',
  'Dagný',
  'Yuki',
  'Mei',
  'Zeynep',
  'Elif',
  'Ayşe',
  'Eleni',
  'Αθηνά',
];
const MALE = [
  'Oliver',
  'George',
  'Harry',
  'Jack',
  'Noah',
  'Leo',
  'Arthur',
  'Muhammad',
  'Thomas',
  'James',
  'William',
  'John',
  'Jon',
  'Sean',
  'Seán',
  'Éamon',
  'Ciarán',
  'José',
  'Jesús',
  'Álvaro',
  'Andrés',
  'Nicolás',
  'Sebastián',
  'François',
  'Jérôme',
  'Loïc',
  'Noël',
  'Jürgen',
  'Günter',
  'Jörg',
  'Łukasz',
  'Paweł',
  'Wojciech',
  'Tomáš',
  'Dušan',
  'Huy',
  'Minh',
  'Duc',
  'Omar',
  'Ali',
  'Yusuf',
  'Arjun',
  'Rohan',
  'Matteo',
  'Luca',
  'Giò',
  'Ørjan',
  'Håkon',
  'Þór',
  'Kenji',
  'Wei',
  'Mehmet',
  'Çağrı',
  'Dimitris',
  'Michael',
  'David',
  'Daniel',
  'Robert',
  'Christopher',
  'Stephen',
  'Steven',
];
const LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  "O'Brien",
  "O'Connor",
  'McCarthy',
  'Ó Súilleabháin',
  'García',
  'Fernández',
  'González',
  'Rodríguez',
  'López',
  'Martínez',
  'Sánchez',
  'Pérez',
  'Gómez',
  'Muñoz',
  'Díaz',
  'de la Cruz',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weiß',
  'Schäfer',
  'Köhler',
  'Lefèvre',
  'Dubois',
  'Lévêque',
  'Moreau',
  'Girard',
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Dvořák',
  'Novák',
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Khan',
  'Ahmed',
  'Hussain',
  'Patel',
  'Sharma',
  'Singh',
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Andersen',
  'Nielsen',
  'Sørensen',
  'Jónsdóttir',
  'Håkansson',
  'Yılmaz',
  'Kaya',
  'Öztürk',
  'Papadopoulos',
  'Tanaka',
  'Suzuki',
  'Wang',
  'Li',
  'Zhang',
  'Chen',
  'Smith-Jones',
  'Ng',
  'Ho',
];
const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Mill Road',
  'Park Avenue',
  'Victoria Road',
  'Green Lane',
  'Manor Way',
];
const CITIES = ['Riverside', 'Northfield', 'Eastwick', 'Ashby', 'Kingsbridge', 'Westmoor'];
const LANGUAGES = [
  'English',
  'English',
  'English',
  'Spanish',
  'Polish',
  'French',
  'Vietnamese',
  'Urdu',
  'Arabic',
  'Portuguese',
];

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
  const settings = handle
    .prepare('SELECT mrn_prefix, mrn_digits, mrn_next FROM patient_settings WHERE id = 1')
    .get() as {
    mrn_prefix: string;
    mrn_digits: number;
    mrn_next: number;
  };
  const mrn = (index: number) =>
    `${settings.mrn_prefix}${String(settings.mrn_next + index).padStart(settings.mrn_digits, '0')}`;
  const insertPatient = handle.prepare(`
    INSERT INTO patients (id, mrn, first_name, middle_name, last_name, dob, sex, email, address_line1, city, postal_code, country,
      preferred_language, national_id, active, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'United Kingdom', ?, ?, 1, ?, ?)`);
  const insertPhone = handle.prepare(`
    INSERT INTO patient_phones (id, patient_id, kind, number, tail, is_primary, position, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSearch = handle.prepare(
    'INSERT INTO patient_search (patient_id, sort_name, name_words, dob, phones, mrn, email) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFts = handle.prepare('INSERT INTO patient_fts (rowid, name, phones, mrn, email) VALUES (?, ?, ?, ?, ?)');
  const insertToken = handle.prepare(
    'INSERT INTO patient_name_tokens (token, sort_name, key, name_words) VALUES (?, ?, ?, ?)',
  );
  const batch = handle.transaction((patients: SeedPatient[]) => {
    for (const p of patients) {
      insertPatient.run(
        p.id,
        p.mrn,
        p.firstName,
        p.middleName,
        p.lastName,
        p.dob,
        p.sex,
        p.email,
        p.address.line1,
        p.address.city,
        p.address.postalCode,
        p.language,
        p.nationalId,
        now,
        now,
      );
      p.phones.forEach((phone, position) => {
        insertPhone.run(
          newId(),
          p.id,
          phone.kind,
          phone.number,
          phoneTail(phone.number),
          position === 0 ? 1 : 0,
          position,
          now,
          now,
        );
      });
      const fields = searchFields(
        {
          first_name: p.firstName,
          middle_name: p.middleName,
          last_name: p.lastName,
          preferred_name: null,
          dob: p.dob,
          mrn: p.mrn,
          email: p.email,
        },
        p.phones.map((phone) => phone.number),
      );
      const key = Number(
        insertSearch.run(p.id, fields.sortName, fields.nameWords, fields.dob, fields.phones, fields.mrn, fields.email)
          .lastInsertRowid,
      );
      insertFts.run(key, ftsName(fields), fields.phones, fields.mrn, fields.email);
      for (const token of fields.tokens) insertToken.run(token, fields.sortName, key, fields.nameWords);
    }
  });
  let pending: SeedPatient[] = [];
  let written = 0;
  for (const patient of generatePatients(count, seed, mrn)) {
    pending.push(patient);
    if (pending.length === 10_000) {
      batch.immediate(pending);
      written += pending.length;
      pending = [];
    }
  }
  if (pending.length > 0) batch.immediate(pending);
  written += pending.length;
  handle.prepare('UPDATE patient_settings SET mrn_next = mrn_next + ?, updated_at = ? WHERE id = 1').run(count, now);
  handle.exec("INSERT INTO patient_fts (patient_fts) VALUES ('optimize')");
  return written;
}
