import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { pageCacheKibFor } from '../../src-main/core/db/open';
import type { DateFormat } from '../../src-shared/api/areas/settings';
import { formatDate, parseDateInput } from '../../src-shared/patients/dates';
import { nameWords } from '../../src-shared/patients/names';
import { phoneDigits, phoneSearchDigits, reversedDigits } from '../../src-shared/patients/phones';
import { createCore, type Core } from '../../src-main/core/app';
import { makeRandom } from '../../src-main/core/patients/seed';
import { BENCH_CLIENT, BENCH_KEY, BENCH_USER, type Dataset } from './dataset';

/**
 * patients.search: what reception types into the one box, answered by our full path and by the
 * floor (hand-written SQL, raw better-sqlite3, unencrypted copy, statements prepared once).
 */

export const SEARCH_LIMIT = 20;

export const QUERY_KINDS = ['name-prefix', 'first-last', 'partial-name', 'phone', 'mrn', 'dob'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  kind: QueryKind;
  /** Exactly what is typed into the search box. */
  text: string;
}

interface SampleRow {
  first_name: string;
  last_name: string;
  dob: string;
  mrn: string;
  phone: string | null;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** The letters as typed, one per key: an accented letter is one. */
const letters = (text: string): string[] => Array.from(graphemes.segment(text), (part) => part.segment);

/** A query that is a first word of at least `min` letters (null when the name has none). */
function wordOf(name: string, min: number): string | null {
  return name.split(/\s+/).find((word) => letters(word).length >= min) ?? null;
}

/** Deterministic from (data, seed): `count` queries cycling through the kinds, drawn from seeded patients. */
export function sampleQueries(plainFile: string, count: number, seed: number, dateFormat: DateFormat): BenchQuery[] {
  const handle = new BetterSqlite3(plainFile, { readonly: true });
  try {
    const total = (handle.prepare('SELECT max(key) AS n FROM patient_search').get() as { n: number }).n;
    const row = handle.prepare(`
      SELECT p.first_name, p.last_name, p.dob, p.mrn,
        (SELECT ph.number FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.is_primary = 1 AND ph.deleted_at IS NULL) AS phone
      FROM patient_search s JOIN patients p ON p.id = s.patient_id WHERE s.key = ?`);
    const random = makeRandom(seed ^ 0x5eed);
    const int = (n: number) => Math.floor(random() * n);
    const queries: BenchQuery[] = [];
    for (let attempt = 0; queries.length < count && attempt < count * 20; attempt += 1) {
      const kind = QUERY_KINDS[queries.length % QUERY_KINDS.length] ?? 'name-prefix';
      const p = row.get(1 + int(total)) as SampleRow | undefined;
      if (!p) continue;
      const text = queryText(kind, p, int, dateFormat);
      if (text !== null) queries.push({ kind, text });
    }
    return queries;
  } finally {
    handle.close();
  }
}

function queryText(kind: QueryKind, p: SampleRow, int: (n: number) => number, dateFormat: DateFormat): string | null {
  const chars = letters;
  switch (kind) {
    case 'name-prefix': {
      // The first 2 to 5 letters of the last or the first name, as typed (accents and case as is).
      const word = wordOf(int(3) === 0 ? p.first_name : p.last_name, 2);
      return word
        ? chars(word)
            .slice(0, 2 + int(4))
            .join('')
        : null;
    }
    case 'first-last': {
      const first = wordOf(p.first_name, 2);
      const last = wordOf(p.last_name, 2);
      return first && last
        ? `${chars(first)
            .slice(0, 2 + int(3))
            .join('')} ${chars(last)
            .slice(0, 2 + int(4))
            .join('')}`
        : null;
    }
    case 'partial-name': {
      // Three to five letters from inside a word: a mid-word fragment, as when unsure of the start.
      const word = wordOf(int(2) === 0 ? p.first_name : p.last_name, 6);
      if (!word) return null;
      const typed = chars(word);
      const length = 3 + int(3);
      const start = 1 + int(Math.max(1, typed.length - length));
      return typed.slice(start, start + length).join('');
    }
    case 'phone': {
      if (!p.phone?.startsWith('+44')) return null;
      const national = `0${p.phone.slice(3)}`;
      // Whole national number as written on a form, or its last 7 digits.
      return int(2) === 0 ? `${national.slice(0, 5)} ${national.slice(5)}` : national.slice(-7);
    }
    case 'mrn':
      return int(2) === 0 ? p.mrn : p.mrn.replace(/^\D+0*/, '');
    case 'dob': {
      const typed = formatDate(p.dob, dateFormat);
      return int(3) === 0 ? typed.replace(/\D/g, '') : typed;
    }
  }
}

/** What both variants answer: the ids of the patients found, best first. */
export interface FoundPatient {
  id: string;
  nextAppointment?: { appointmentId: string } | null;
}

/** Ours: the procedure through core's router, service and Kysely, on the encrypted file. */
export async function openOurs(
  dataset: Dataset,
): Promise<{ core: Core; search(text: string): Promise<FoundPatient[]> }> {
  const core = await createCore({ file: dataset.encrypted, key: BENCH_KEY });
  const login = await core.invoke(BENCH_CLIENT, 'auth.login', {
    username: BENCH_USER.username,
    password: BENCH_USER.password,
  });
  if (!login.ok) throw new Error(`auth.login failed: ${login.error.message}`);
  return {
    core,
    async search(text: string) {
      const result = await core.invoke(BENCH_CLIENT, 'patients.search', { query: text, limit: SEARCH_LIMIT });
      if (!result.ok)
        throw new Error(
          `patients.search(${JSON.stringify(text)}) failed: ${result.error.code} ${result.error.message}`,
        );
      return result.value as FoundPatient[];
    },
  };
}

export interface FloorRow {
  key: number;
  id: string;
  mrn: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  dob: string;
  sex: string;
  active: number;
  deceased_date: string | null;
  deceased_at: number | null;
  phone: string | null;
  next_id: string | null;
  next_start: number | null;
  next_provider: string | null;
}

const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const MAX_CHAR = '\u{10FFFF}';
const byName = <T extends { sort_name: string }>(rows: T[]): T[] =>
  rows.sort((a, b) => (a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : 0));

/**
 * The floor: the same question per kind of query, in hand-written SQL on a raw unencrypted handle,
 * each statement prepared once. It follows the same ranking (exact identifiers, date of birth,
 * name-word prefixes in name order, then trigram substrings) so that it returns the same rows, but
 * without router, validation, settings read, query builder or cipher.
 */
export class SearchFloor {
  readonly handle: BetterSqlite3.Database;
  readonly #settings: { dateFormat: DateFormat; mrnPrefix: string; mrnDigits: number };
  readonly #limit: number;
  readonly #cache = new Map<string, BetterSqlite3.Statement>();

  constructor(plainFile: string, limit = SEARCH_LIMIT) {
    this.handle = new BetterSqlite3(plainFile, { readonly: true });
    // The same page cache as ours, so that the floor is not slowed by a smaller cache.
    this.handle.pragma(`cache_size = -${pageCacheKibFor(plainFile)}`);
    const row = this.handle
      .prepare(
        'SELECT c.date_format, p.mrn_prefix, p.mrn_digits FROM clinic_settings c, patient_settings p WHERE c.id = 1 AND p.id = 1',
      )
      .get() as { date_format: DateFormat; mrn_prefix: string; mrn_digits: number };
    this.#settings = { dateFormat: row.date_format, mrnPrefix: row.mrn_prefix, mrnDigits: row.mrn_digits };
    this.#limit = limit;
  }

  close(): void {
    this.handle.close();
  }

  #statement(sql: string): BetterSqlite3.Statement {
    let statement = this.#cache.get(sql);
    if (!statement) {
      statement = this.handle.prepare(sql);
      this.#cache.set(sql, statement);
    }
    return statement;
  }

  search(query: BenchQuery): FloorRow[] {
    const found: number[] = [];
    const seen = new Set<number>();
    const take = (keys: readonly number[]) => {
      for (const key of keys) {
        if (found.length >= this.#limit) break;
        if (!seen.has(key)) {
          seen.add(key);
          found.push(key);
        }
      }
    };
    const keys = (sql: string, ...params: unknown[]) =>
      this.#statement(sql)
        .pluck()
        .all(...params) as number[];
    const limit = this.#limit;

    switch (query.kind) {
      case 'dob': {
        const date = parseDateInput(query.text, this.#settings.dateFormat);
        if (date === null) return [];
        if (/[-/. ]/.test(query.text.trim())) {
          take(keys('SELECT key FROM patient_search WHERE dob = ? ORDER BY sort_name LIMIT ?', date, limit));
          break;
        }
        this.#digits(query.text, take, found);
        break;
      }
      case 'phone':
        this.#digits(query.text, take, found);
        break;
      case 'mrn': {
        if (/^\d+$/.test(query.text.trim())) {
          this.#digits(query.text, take, found);
          break;
        }
        const text = nameWords(query.text).join('');
        take(
          keys(
            'SELECT s.key FROM patients p JOIN patient_search s ON s.patient_id = p.id WHERE p.mrn = ?',
            text.toUpperCase(),
          ),
        );
        if (text.length >= 4) {
          take(
            keys(
              'SELECT s.key FROM patients p JOIN patient_search s ON s.patient_id = p.id WHERE p.national_id = ?',
              text.toUpperCase(),
            ),
          );
        }
        if (found.length === 0 && text.length >= 3) take(this.#fts(`mrn : ${phrase(text)}`, [], limit));
        break;
      }
      case 'name-prefix':
      case 'first-last':
      case 'partial-name': {
        const words = query.text.split(/[\s,;]+/).flatMap((raw) => nameWords(raw));
        if (words.length === 0) return [];
        const [word = '', next, ...others] = [...words].sort((a, b) => b.length - a.length);
        const prefix =
          next === undefined
            ? keys(
                'SELECT key FROM patient_name_tokens WHERE token >= ? AND token < ? ORDER BY token, sort_name LIMIT ?',
                word,
                word + MAX_CHAR,
                limit + 8,
              )
            : this.#pairs(word, next, others, limit + 8);
        take(prefix);
        if (found.length < limit && (words.length <= 1 || prefix.length === 0)) {
          const long = words.filter((w) => w.length >= 3);
          const short = words.filter((w) => w.length < 3);
          if (long.length > 0)
            take(this.#fts(long.map((w) => `name : ${phrase(w)}`).join(' AND '), short, limit + found.length));
        }
        break;
      }
    }
    return this.#load(found);
  }

  /** Digits typed alone: an MRN (also zero-padded), a national id, a compact date, phone digits. */
  #digits(text: string, take: (keys: readonly number[]) => void, found: readonly number[]): void {
    const limit = this.#limit;
    const { mrnPrefix, mrnDigits, dateFormat } = this.#settings;
    const digits = phoneDigits(text);
    const phone = phoneSearchDigits(text);
    const date = parseDateInput(text.trim(), dateFormat);
    const byMrn = this.#statement(
      'SELECT s.key FROM patients p JOIN patient_search s ON s.patient_id = p.id WHERE p.mrn = ?',
    ).pluck();
    take(byMrn.all(digits) as number[]);
    if (digits.length <= mrnDigits)
      take(byMrn.all(`${mrnPrefix}${digits.padStart(mrnDigits, '0')}`.toUpperCase()) as number[]);
    if (digits.length >= 4) {
      take(
        this.#statement(
          'SELECT s.key FROM patients p JOIN patient_search s ON s.patient_id = p.id WHERE p.national_id = ?',
        )
          .pluck()
          .all(digits) as number[],
      );
    }
    if (found.length < limit && date !== null) {
      take(
        this.#statement('SELECT key FROM patient_search WHERE dob = ? ORDER BY sort_name LIMIT ?')
          .pluck()
          .all(date, limit) as number[],
      );
    }
    if (found.length < limit && phone.length >= 3) {
      const reversed = reversedDigits(phone);
      const rows = this.#statement(
        `SELECT s.key, s.sort_name FROM patient_phone_suffixes x JOIN patient_search s ON s.key = x.key
         WHERE x.reversed >= ? AND x.reversed < ? LIMIT ?`,
      ).all(reversed, reversed + MAX_CHAR, limit + found.length) as { key: number; sort_name: string }[];
      take(byName(rows).map((row) => row.key));
    }
    if (found.length === 0 && phone.length >= 3)
      take(this.#fts(`{phones mrn} : ${phrase(phone)}`, [], limit + found.length));
  }

  /** Patients with a word starting with `first` and one starting with `second`, word by word (as ours). */
  #pairs(first: string, second: string, others: readonly string[], want: number): number[] {
    const nextWord = (after: string | null) =>
      (after === null
        ? this.#statement('SELECT word FROM patient_name_pairs WHERE word >= ? AND word < ? ORDER BY word LIMIT 1').get(
            first,
            first + MAX_CHAR,
          )
        : this.#statement('SELECT word FROM patient_name_pairs WHERE word > ? AND word < ? ORDER BY word LIMIT 1').get(
            after,
            first + MAX_CHAR,
          )) as { word: string } | undefined;
    const page = this.#statement(
      `SELECT p.key FROM patient_name_pairs p${others.length > 0 ? ' JOIN patient_search s ON s.key = p.key' : ''}
       WHERE p.word = ? AND p.other >= ? AND p.other < ?${others.map(() => ' AND s.name_words LIKE ?').join('')}
       ORDER BY p.other, p.sort_name, p.key LIMIT ? OFFSET ?`,
    ).pluck();
    const found: number[] = [];
    const seen = new Set<number>();
    for (let word = nextWord(null); word !== undefined && seen.size < want; word = nextWord(word.word)) {
      for (let offset = 0; seen.size < want;) {
        const ask = want - seen.size;
        const keys = page.all(
          word.word,
          second,
          second + MAX_CHAR,
          ...others.map((other) => `% ${other}%`),
          ask,
          offset,
        ) as number[];
        for (const key of keys) {
          if (seen.has(key)) continue;
          seen.add(key);
          found.push(key);
        }
        if (keys.length < ask) break;
        offset += keys.length;
      }
    }
    return found;
  }

  /** Trigram matches, sorted by name; short words (under three letters) as substrings of the name. */
  #fts(match: string, shortWords: readonly string[], limit: number): number[] {
    const rows = this.#statement(
      `SELECT s.key, s.sort_name FROM patient_fts JOIN patient_search s ON s.key = patient_fts.rowid
       WHERE patient_fts MATCH ?${shortWords.map(() => ' AND s.name_words LIKE ?').join('')} LIMIT ?`,
    ).all(match, ...shortWords.map((w) => `%${w}%`), limit) as { key: number; sort_name: string }[];
    return byName(rows).map((row) => row.key);
  }

  /** The display columns of the patients found, in the order found. */
  #load(found: readonly number[]): FloorRow[] {
    if (found.length === 0) return [];
    const rows = this.#statement(
      `
      SELECT s.key, p.id, p.mrn, p.first_name, p.middle_name, p.last_name, p.preferred_name, p.dob, p.sex, p.active,
        p.deceased_date, p.deceased_at,
        (SELECT ph.number FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.is_primary = 1 AND ph.deleted_at IS NULL) AS phone,
        na.id AS next_id, na.start_at AS next_start, pr.display_name AS next_provider
      FROM patient_search s JOIN patients p ON p.id = s.patient_id
      LEFT JOIN appointments na ON na.id = (
        SELECT a.id FROM appointments a
        WHERE a.patient_id = p.id AND a.start_at >= ? AND a.status IN ('booked', 'confirmed') AND a.deleted_at IS NULL
        ORDER BY a.start_at LIMIT 1)
      LEFT JOIN providers pr ON pr.id = na.provider_id
      WHERE s.key IN (${found.map(() => '?').join(',')})`,
    ).all(Date.now(), ...found) as FloorRow[];
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return found.map((key) => byKey.get(key)).filter((row): row is FloorRow => row !== undefined);
  }
}
