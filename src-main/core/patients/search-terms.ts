import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { parseDateInput } from '../../../src-shared/patients/dates';
import { foldText, nameWords } from '../../../src-shared/patients/names';
import { phoneDigits, phoneSearchDigits } from '../../../src-shared/patients/phones';

/**
 * One box: name words in any order (each a word prefix, or a substring of three or more letters),
 * phone digits, MRN, date of birth in the clinic's format, email, national id (exactly only).
 */

export type SearchTerm =
  | { kind: 'name'; word: string }
  /** Digits typed as a phone, MRN or compact date; `date` when they also read as one. */
  | { kind: 'digits'; digits: string; phone: string; date: string | null }
  | { kind: 'date'; date: string }
  | { kind: 'email'; text: string }
  /** Letters and digits together: an MRN or a national id. */
  | { kind: 'code'; text: string };

const PHONE_LIKE = /^[+\d\s().\-/]+$/;
const HAS_DIGIT = /\d/;

/** Pure: splits what was typed into terms. */
export function parseQuery(query: string, dateFormat: DateFormat): SearchTerm[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  // A whole query of digits and phone punctuation is one thing: a date, or a phone or MRN number.
  if (PHONE_LIKE.test(trimmed)) {
    const date = parseDateInput(trimmed, dateFormat);
    if (date && /[-/. ]/.test(trimmed)) return [{ kind: 'date', date }];
    const digits = phoneDigits(trimmed);
    if (digits.length === 0) return [];
    return [{ kind: 'digits', digits, phone: phoneSearchDigits(trimmed), date }];
  }
  const terms: SearchTerm[] = [];
  for (const raw of trimmed.split(/[\s,;]+/)) {
    if (raw === '') continue;
    if (raw.includes('@')) {
      terms.push({ kind: 'email', text: raw.toLowerCase() });
      continue;
    }
    if (PHONE_LIKE.test(raw)) {
      const date = parseDateInput(raw, dateFormat);
      if (date && /[-/.]/.test(raw)) {
        terms.push({ kind: 'date', date });
      } else {
        const digits = phoneDigits(raw);
        if (digits.length > 0) terms.push({ kind: 'digits', digits, phone: phoneSearchDigits(raw), date });
      }
      continue;
    }
    if (HAS_DIGIT.test(raw)) {
      const text = foldText(raw).replace(/[^\p{L}\p{N}]+/gu, '');
      if (text) terms.push({ kind: 'code', text });
      continue;
    }
    for (const word of nameWords(raw)) terms.push({ kind: 'name', word });
  }
  return terms;
}
