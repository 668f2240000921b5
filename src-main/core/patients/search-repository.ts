import { sql, type RawBuilder } from 'kysely';
import type { PatientSearchRow } from '../../../src-shared/patients/model';
import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { reversedDigits } from '../../../src-shared/patients/phones';
import { localDateOf, localTimeOf } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import { keysByNamePair, prefixEnd } from './name-pair-repository';
import { parseQuery, type SearchTerm } from './search-terms';
import { toSearchRow, type DisplayRow } from './search-row';

/**
 * The search box's queries (the terms come from search-terms.ts). Every term must match. Best first:
 * exact identifiers, then date of birth, then name-word prefixes in name order, then substrings; each
 * step reads one index, and a step runs only while fewer than `limit` were found.
 */

export interface SearchSettings {
  dateFormat: DateFormat;
  today: string;
  /** For the next appointment: from this instant, shown in this zone. */
  now: number;
  timeZone: string;
  mrnPrefix: string;
  mrnDigits: number;
}

type Match = PatientSearchRow['matchedOn'];

const LIKE_ESCAPE = /[\\%_]/g;
const contains = (text: string) => `%${text.replace(LIKE_ESCAPE, '\\$&')}%`;

interface FilterOptions {
  /** Where the folded name words are: the search row, or the token index entry (no table lookup). */
  names?: 's' | 't';
  /** Name words as word prefixes (the default) or as substrings anywhere in the name. */
  substrings?: boolean;
}

/** The condition (on patient_search s) that one term puts on every result. */
function filterFor(term: SearchTerm, options: FilterOptions = {}): RawBuilder<unknown> {
  switch (term.kind) {
    case 'name': {
      const pattern = options.substrings ? `%${term.word}%` : `% ${term.word}%`;
      return options.names === 't' ? sql`t.name_words LIKE ${pattern}` : sql`s.name_words LIKE ${pattern}`;
    }
    case 'date':
      return sql`s.dob = ${term.date}`;
    case 'email':
      return sql`s.email LIKE ${contains(term.text)} ESCAPE '\\'`;
    case 'code':
      return sql`(s.mrn LIKE ${contains(term.text)} OR s.patient_id IN (SELECT id FROM patients WHERE national_id = ${term.text.toUpperCase()}))`;
    case 'digits': {
      const parts = [sql`s.mrn LIKE ${contains(term.digits)}`];
      if (term.phone.length >= 3) parts.push(sql`s.phones LIKE ${contains(term.phone)}`);
      if (term.date) parts.push(sql`s.dob = ${term.date}`);
      return sql`(${sql.join(parts, sql` OR `)})`;
    }
  }
}

function whereAll(
  terms: readonly SearchTerm[],
  extra: RawBuilder<unknown>[] = [],
  options: FilterOptions = {},
): RawBuilder<unknown> {
  const parts = [...extra, ...terms.map((term) => filterFor(term, options))];
  return parts.length === 0 ? sql`1` : sql.join(parts, sql` AND `);
}

/** Fewer digits than this are looked for only inside numbers (the trigram step), not as a phone's end. */
const PHONE_SUFFIX_MIN_DIGITS = 3;

/** Rows in name order (binary, as the index sorts). */
const byName = <T extends { sort_name: string }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : 0));

/** FTS5 phrase for a substring: double quotes doubled inside. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

export async function searchPatients(
  db: ReadDb,
  query: string,
  limit: number,
  settings: SearchSettings,
): Promise<PatientSearchRow[]> {
  const terms = parseQuery(query, settings.dateFormat);
  if (terms.length === 0) return [];
  const found = new Map<number, Match>();
  const take = (keys: readonly { key: number }[], match: Match) => {
    for (const { key } of keys) {
      if (found.size >= limit) break;
      if (!found.has(key)) found.set(key, match);
    }
  };
  const others = (term: SearchTerm) => terms.filter((t) => t !== term);

  // 1. Exact identifiers: MRN, national id, email.
  const identifier = terms.find((t) => t.kind === 'code' || t.kind === 'digits' || t.kind === 'email');
  if (identifier) {
    const exact: RawBuilder<unknown>[] = [];
    if (identifier.kind === 'email') {
      exact.push(sql`SELECT id, 'email' AS how FROM patients WHERE email = ${identifier.text}`);
    } else {
      const text = identifier.kind === 'code' ? identifier.text.toUpperCase() : identifier.digits;
      const mrns = [text];
      if (identifier.kind === 'digits' && identifier.digits.length <= settings.mrnDigits) {
        mrns.push(`${settings.mrnPrefix}${identifier.digits.padStart(settings.mrnDigits, '0')}`.toUpperCase());
      }
      exact.push(sql`SELECT id, 'mrn' AS how FROM patients WHERE mrn IN (${sql.join(mrns)})`);
      if (text.length >= 4) exact.push(sql`SELECT id, 'nationalId' AS how FROM patients WHERE national_id = ${text}`);
    }
    const rows = await sql<{ key: number; how: Match }>`
      SELECT s.key, x.how FROM (${sql.join(exact, sql` UNION ALL `)}) x JOIN patient_search s ON s.patient_id = x.id
      WHERE ${whereAll(others(identifier))}`.execute(db);
    for (const row of rows.rows) if (found.size < limit && !found.has(row.key)) found.set(row.key, row.how);
  }

  // 2. Date of birth. A typed date is exact, so this step then finds everything there is: the few
  // patients born that day, with the other words matched anywhere in their names.
  const dated = terms.find((t) => t.kind === 'date' || (t.kind === 'digits' && t.date !== null));
  if (found.size < limit && dated) {
    const date = dated.kind === 'date' ? dated.date : dated.kind === 'digits' ? dated.date : null;
    const rows = await sql<{ key: number }>`
      SELECT s.key FROM patient_search s WHERE s.dob = ${date} AND ${whereAll(others(dated), [], { substrings: true })}
      ORDER BY s.sort_name LIMIT ${limit}`.execute(db);
    take(rows.rows, 'dob');
    if (dated.kind === 'date') return found.size === 0 ? [] : loadRows(db, found, settings);
  }

  // 2b. Phones ending with the typed digits (the whole number, or its last few digits, with or without
  // the country code or trunk zero): a prefix range of the reversed digits, one B-tree however large
  // the clinic. Name order among what the range gave, as for the substrings below.
  const typedDigits = terms.find((t): t is Extract<SearchTerm, { kind: 'digits' }> => t.kind === 'digits');
  if (found.size < limit && typedDigits && typedDigits.phone.length >= PHONE_SUFFIX_MIN_DIGITS) {
    const reversed = reversedDigits(typedDigits.phone);
    const rows = await sql<{ key: number; sort_name: string }>`
      SELECT s.key, s.sort_name FROM patient_phone_suffixes x JOIN patient_search s ON s.key = x.key
      WHERE x.reversed >= ${reversed} AND x.reversed < ${prefixEnd(reversed)} AND ${whereAll(others(typedDigits))}
      LIMIT ${limit + found.size}`.execute(db);
    take(byName(rows.rows), 'phone');
  }
  // An MRN or national id (typed as such, or as digits), a date of birth or a phone ending with the digits
  // found: look no further. Anywhere inside every phone and MRN is a trigram match whose cost grows with
  // the clinic, and a whole number or code would only bring up numbers that merely contain it.
  const identifierFound = found.size > 0 && terms.some((t) => t.kind === 'digits' || t.kind === 'code');

  // 3. Name-word prefixes, driven by the longest word, in name order straight off the covering index;
  // two words or more by the pairs of name words (name-pair-repository.ts), the next longest inside the longest.
  const names = terms.filter((t): t is Extract<SearchTerm, { kind: 'name' }> => t.kind === 'name');
  const byLength = [...names].sort((x, y) => y.word.length - x.word.length);
  const [longest, next] = byLength;
  let prefixHits = 0;
  if (found.size < limit && longest) {
    const want = limit + found.size + 8;
    const rest = terms.filter((t) => t !== longest && t !== next);
    const rows = next
      ? await keysByNamePair(
          db,
          longest.word,
          next.word,
          rest.map((term) => filterFor(term)),
          want,
        )
      : (
          await sql<{ key: number }>`
            SELECT t.key FROM patient_name_tokens t ${rest.length === 0 ? sql`` : sql`JOIN patient_search s ON s.key = t.key`}
            WHERE ${whereAll(rest, [sql`t.token >= ${longest.word}`, sql`t.token < ${prefixEnd(longest.word)}`])}
            ORDER BY t.token, t.sort_name LIMIT ${want}`.execute(db)
        ).rows;
    prefixHits = rows.length;
    take(rows, 'name');
  }

  // 4. Substrings (trigram): mid-word name parts, phone digits, partial MRN or email. For several
  // name words it runs only when no name started with them: a typo or a mid-word fragment.
  if (found.size < limit && (names.length <= 1 || prefixHits === 0) && !identifierFound) {
    const phrases: string[] = [];
    const short: SearchTerm[] = [];
    let match: Match = 'partial';
    for (const term of terms) {
      if (term.kind === 'name' && term.word.length >= 3) phrases.push(`name : ${phrase(term.word)}`);
      else if (term.kind === 'digits' && term.phone.length >= 3) {
        phrases.push(`{phones mrn} : ${phrase(term.phone)}`);
        match = 'phone';
      } else if (term.kind === 'email' && term.text.length >= 3) {
        phrases.push(`email : ${phrase(term.text)}`);
        match = 'email';
      } else if (term.kind === 'code' && term.text.length >= 3) phrases.push(`mrn : ${phrase(term.text)}`);
      else short.push(term);
    }
    if (phrases.length > 0) {
      const rows = await sql<{ key: number; sort_name: string }>`
        SELECT s.key, s.sort_name FROM patient_fts JOIN patient_search s ON s.key = patient_fts.rowid
        WHERE patient_fts MATCH ${phrases.join(' AND ')} AND ${whereAll(short, [], { substrings: true })}
        LIMIT ${limit + found.size}`.execute(db);
      take(byName(rows.rows), match);
    }
  }

  if (found.size === 0) return [];
  return loadRows(db, found, settings);
}

interface ResultRow extends DisplayRow {
  next_id: string | null;
  next_start: number | null;
  next_provider: string | null;
}

async function loadRows(db: ReadDb, found: Map<number, Match>, settings: SearchSettings): Promise<PatientSearchRow[]> {
  // The next appointment is one probe of (patient_id, start_at) per result row, at most `limit` of them.
  const rows = await sql<ResultRow>`
    SELECT s.key, p.id, p.mrn, p.first_name, p.middle_name, p.last_name, p.preferred_name, p.dob, p.sex, p.active,
      p.deceased_date, p.deceased_at,
      (SELECT ph.number FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.is_primary = 1 AND ph.deleted_at IS NULL) AS phone,
      na.id AS next_id, na.start_at AS next_start, pr.display_name AS next_provider
    FROM patient_search s JOIN patients p ON p.id = s.patient_id
    LEFT JOIN appointments na ON na.id = (
      SELECT a.id FROM appointments a
      WHERE a.patient_id = p.id AND a.start_at >= ${settings.now} AND a.status IN ('booked', 'confirmed') AND a.deleted_at IS NULL
      ORDER BY a.start_at LIMIT 1)
    LEFT JOIN providers pr ON pr.id = na.provider_id
    WHERE s.key IN (SELECT value FROM json_each(${JSON.stringify([...found.keys()])}))`.execute(db);
  const byKey = new Map(rows.rows.map((row) => [row.key, row]));
  const result: PatientSearchRow[] = [];
  for (const [key, matchedOn] of found) {
    const row = byKey.get(key);
    if (!row) continue;
    const next =
      row.next_id !== null && row.next_start !== null
        ? {
            appointmentId: row.next_id,
            date: localDateOf(settings.timeZone, row.next_start),
            time: localTimeOf(settings.timeZone, row.next_start),
            providerName: row.next_provider ?? '',
          }
        : null;
    result.push({ ...toSearchRow(row, settings.today, matchedOn), nextAppointment: next });
  }
  return result;
}
