import { doubleMetaphone } from 'double-metaphone';
import type { DuplicateReason, DuplicateReasonCode } from '../../../src-shared/patients/model';
import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { formatDate, swapDayMonth } from '../../../src-shared/patients/dates';
import { nameKey } from '../../../src-shared/patients/names';

/**
 * Pure duplicate scoring: is `b` possibly the same person as `a`, and why. Each reason is a named
 * code with a sentence for the screen.
 *
 * Shared contact details alone do not make a duplicate: families share a phone and an email. A
 * same-phone or same-email reason counts only when the first names are alike too, so twins (same
 * date of birth, surname, phone and address, different first names) are never flagged.
 */

export interface PersonForMatching {
  firstName: string;
  middleName?: string | null;
  lastName: string;
  dob?: string | null;
  /** Normalised phone tails (see phoneTail). */
  phoneTails?: readonly string[];
  email?: string | null;
  /** Normalised national id (upper case letters and digits). */
  nationalId?: string | null;
}

export interface DuplicateScore {
  score: number;
  strength: 'strong' | 'possible';
  reasons: DuplicateReason[];
}

const WEIGHTS: Record<DuplicateReasonCode, number> = {
  same_national_id: 100,
  same_dob_same_name: 95,
  same_dob_name_accents: 90,
  same_dob_name_transposed: 85,
  same_dob_name_phonetic: 80,
  same_dob_name_typo: 75,
  swapped_dob_same_name: 65,
  same_email: 45,
  same_phone: 35,
};
/** A candidate at or above this needs an explicit "not the same person" before saving. */
export const STRONG_SCORE = 75;

/**
 * Name keys and phonetic codes are asked for the same few thousand names over and over when the
 * duplicate finder scores a whole clinic: remember them (a bounded cache, emptied when full).
 */
function remembered<T>(compute: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}
const keyOf = remembered((text) => nameKey(text));
const metaphoneOf = remembered((text) => doubleMetaphone(text));

/** Optimal string alignment (Damerau-Levenshtein with adjacent transpositions) distance. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i += 1) {
    current[0] = i;
    for (let j = 1; j <= n; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n] ?? 0;
}

/** Typos allowed between names whose longer has this length: none below 4 letters, one up to 7, two from 8. */
function typosAllowed(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

function soundsAlike(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const [a1, a2] = metaphoneOf(a);
  const [b1, b2] = metaphoneOf(b);
  if (!a1 || !b1) return false;
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2 !== '' && a2 === b2);
}

function withinTypo(a: string, b: string): boolean {
  const allowed = typosAllowed(Math.max(a.length, b.length));
  // The distance is at least the difference in length: skip the table when that already says no.
  if (Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b) <= allowed;
}

export type NameLikeness = 'same' | 'accents' | 'transposed' | 'phonetic' | 'typo';

/** How alike two people's names are, or null when they are simply different names. */
export function nameLikeness(a: PersonForMatching, b: PersonForMatching): NameLikeness | null {
  const [af, al, bf, bl] = [keyOf(a.firstName), keyOf(a.lastName), keyOf(b.firstName), keyOf(b.lastName)];
  if (!af || !al || !bf || !bl) return null;
  if (af === bf && al === bl) {
    const raw = (p: PersonForMatching) => `${p.firstName} ${p.lastName}`.trim().toLowerCase().replace(/\s+/g, ' ');
    return raw(a) === raw(b) ? 'same' : 'accents';
  }
  if (af === bl && al === bf) return 'transposed';
  const firstOk = af === bf || soundsAlike(af, bf);
  const lastOk = al === bl || soundsAlike(al, bl);
  if (firstOk && lastOk) return 'phonetic';
  if ((af === bf || withinTypo(af, bf)) && (al === bl || withinTypo(al, bl))) return 'typo';
  return null;
}

function firstNamesAlike(a: PersonForMatching, b: PersonForMatching): boolean {
  const [af, bf] = [keyOf(a.firstName), keyOf(b.firstName)];
  return af !== '' && (af === bf || soundsAlike(af, bf) || withinTypo(af, bf));
}

const LIKENESS_CODE: Record<NameLikeness, DuplicateReasonCode> = {
  same: 'same_dob_same_name',
  accents: 'same_dob_name_accents',
  transposed: 'same_dob_name_transposed',
  phonetic: 'same_dob_name_phonetic',
  typo: 'same_dob_name_typo',
};

export function scorePair(
  a: PersonForMatching,
  b: PersonForMatching,
  format: DateFormat = 'YYYY-MM-DD',
): DuplicateScore | null {
  const reasons: DuplicateReason[] = [];
  const add = (code: DuplicateReasonCode, message: string) => reasons.push({ code, message });
  const names = `${a.firstName} ${a.lastName} / ${b.firstName} ${b.lastName}`;
  const likeness = nameLikeness(a, b);

  if (a.nationalId && b.nationalId && a.nationalId === b.nationalId) {
    add('same_national_id', `Same national id (ending ${a.nationalId.slice(-4)})`);
  }
  if (a.dob && b.dob && likeness) {
    const date = formatDate(a.dob, format);
    if (a.dob === b.dob) {
      const sentences: Record<NameLikeness, string> = {
        same: `Same name and date of birth (${date})`,
        accents: `Same name apart from accents or capitals (${names}) and same date of birth (${date})`,
        transposed: `First and last names swapped (${names}) and same date of birth (${date})`,
        phonetic: `Names that sound the same (${names}) and same date of birth (${date})`,
        typo: `Names a typing slip apart (${names}) and same date of birth (${date})`,
      };
      add(LIKENESS_CODE[likeness], sentences[likeness]);
    } else if (swapDayMonth(a.dob) === b.dob && likeness !== 'transposed') {
      add(
        'swapped_dob_same_name',
        `Same name and a date of birth with day and month swapped (${date} / ${formatDate(b.dob, format)})`,
      );
    }
  }
  if (firstNamesAlike(a, b) || likeness !== null) {
    if (a.email && b.email && a.email.toLowerCase() === b.email.toLowerCase())
      add('same_email', `Same email (${a.email.toLowerCase()})`);
    const shared = (a.phoneTails ?? []).find((tail) => tail.length >= 6 && (b.phoneTails ?? []).includes(tail));
    if (shared) add('same_phone', `Same phone number (ending ${shared.slice(-4)})`);
  }
  if (reasons.length === 0) return null;
  const weights = reasons.map((reason) => WEIGHTS[reason.code]).sort((x, y) => y - x);
  const score = Math.min(100, (weights[0] ?? 0) + 10 * (weights.length - 1));
  reasons.sort((x, y) => WEIGHTS[y.code] - WEIGHTS[x.code]);
  return { score, strength: score >= STRONG_SCORE ? 'strong' : 'possible', reasons };
}
