import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { parseDateInput } from '../../../src-shared/patients/dates';
import { foldText } from '../../../src-shared/patients/names';
import { phoneDigits } from '../../../src-shared/patients/phones';
import type { BenchQuery } from '../patient-search';

/**
 * What a peer's patient finder answers for what reception typed. The peers have no accent-folding
 * word index, no trigrams and no ranking: OpenEMR's finder runs `LIKE 'x%'` on the name columns and
 * equality on the identifiers, and a PouchDB app does the same with Mango ranges on indexed fields.
 * So a mid-word fragment is looked up as a prefix there (they would find nothing else quickly), and
 * their answers are checked against this question, not against our ranked rows.
 */
export type PeerQuestion =
  | { kind: 'name'; prefix: string }
  | { kind: 'first-last'; first: string; last: string }
  | { kind: 'phone'; digits: string; whole: boolean }
  | { kind: 'mrn'; mrn: string }
  | { kind: 'dob'; dob: string }
  | { kind: 'none' };

export const PEER_LIMIT = 20;

export interface MrnSettings {
  mrnPrefix: string;
  mrnDigits: number;
  dateFormat: DateFormat;
}

/** The peer's question for a typed query. A national phone number has 11 digits; fewer are its tail. */
export function peerQuestion(query: BenchQuery, settings: MrnSettings): PeerQuestion {
  const text = query.text.trim();
  switch (query.kind) {
    case 'name-prefix':
    case 'partial-name':
      return { kind: 'name', prefix: text };
    case 'first-last': {
      const [first = '', ...rest] = text.split(/\s+/);
      return { kind: 'first-last', first, last: rest.join(' ') };
    }
    case 'phone': {
      const digits = phoneDigits(text);
      return { kind: 'phone', digits, whole: digits.length >= 10 };
    }
    case 'mrn':
      return /^\d+$/.test(text)
        ? { kind: 'mrn', mrn: `${settings.mrnPrefix}${text.padStart(settings.mrnDigits, '0')}` }
        : { kind: 'mrn', mrn: text.toUpperCase() };
    case 'dob': {
      const dob = parseDateInput(text, settings.dateFormat);
      return dob === null ? { kind: 'none' } : { kind: 'dob', dob };
    }
  }
}

/** The fields a peer's patient row holds, as loaded from our data. */
export interface PeerPatient {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dob: string;
  /** National form, digits only: '07674944142'. */
  phone: string | null;
}

/**
 * Whether a row answers the question, folding case and accents the way our search does. MariaDB's
 * collation folds a few letters differently (ß, ø, ı...), so a name outside ASCII once folded is
 * given the benefit of the doubt.
 */
export function answers(question: PeerQuestion, row: PeerPatient): boolean {
  const starts = (name: string, prefix: string) => {
    const folded = foldText(name);
    return folded.startsWith(foldText(prefix)) || /[^\x20-\x7e]/.test(folded) || /[^\x20-\x7e]/.test(foldText(prefix));
  };
  switch (question.kind) {
    case 'name':
      return starts(row.lastName, question.prefix) || starts(row.firstName, question.prefix);
    case 'first-last':
      return starts(row.firstName, question.first) && starts(row.lastName, question.last);
    case 'phone':
      return (
        row.phone !== null && (question.whole ? row.phone === question.digits : row.phone.endsWith(question.digits))
      );
    case 'mrn':
      return row.mrn === question.mrn;
    case 'dob':
      return row.dob === question.dob;
    case 'none':
      return false;
  }
}
