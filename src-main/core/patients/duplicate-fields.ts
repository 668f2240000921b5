import { doubleMetaphone } from 'double-metaphone';
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { isoFromParts, swapDayMonth } from '../../../src-shared/patients/dates';
import { nameWords } from '../../../src-shared/patients/names';

/**
 * Field by field comparisons for duplicate matching, pure: how alike two people's names and dates
 * of birth are (addresses: duplicate-address.ts). duplicates.ts turns these into reasons.
 *
 * Names are compared as sets of words, because a person's name is typed in more than one shape:
 * "María Luisa" in the first name or "Maria" + middle "Luisa"; "Razo López" or just "Razo";
 * "dos Santos", "Dos-Santos" or "Santos". Particles (de, da, dos, van …) are left out of family
 * names, accents and case are folded, hyphens split words.
 *
 * Hand-written here: the word-set rules themselves (no library compares compound names); the edit
 * distance counts an adjacent swap as one slip (optimal string alignment), which fastest-levenshtein
 * and its kind do not. Phonetic codes come from double-metaphone, Jaro-Winkler from talisman.
 */

/** Name particles, left out when comparing (they are as often dropped as typed). */
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'der',
  'den',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ter',
  'ten',
  'y',
  'e',
  'bin',
  'ibn',
  'al',
  'el',
]);

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
const metaphoneOf = remembered((text) => doubleMetaphone(text));

/** The words of a name that count: folded, particles dropped (unless the name is nothing else). */
export const nameTokens = remembered((text: string): string[] => {
  const words = nameWords(text);
  const kept = words.filter((word) => !PARTICLES.has(word));
  return kept.length > 0 ? kept : words;
});

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

/** Typos allowed between words whose longer has this length: none below 4 letters, one up to 7, two from 8. */
function typosAllowed(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

export function withinTypo(a: string, b: string): boolean {
  const allowed = typosAllowed(Math.max(a.length, b.length));
  // The distance is at least the difference in length: skip the table when that already says no.
  if (Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b) <= allowed;
}

export function soundsAlike(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const [a1, a2] = metaphoneOf(a);
  const [b1, b2] = metaphoneOf(b);
  if (!a1 || !b1) return false;
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2 !== '' && a2 === b2);
}

/** How alike two words of a name are; best first. */
export type WordLikeness = 'exact' | 'phonetic' | 'typo';
const WORD_RANK: Record<WordLikeness, number> = { exact: 3, phonetic: 2, typo: 1 };

/**
 * Jaro-Winkler at or above this counts as a typing slip (between words of 4 letters or more): the
 * usual "agree" threshold in record linkage. It catches two slips in a short name ("Mikazea" /
 * "Mikaela") that the edit distance allows only from 8 letters.
 */
const JARO_WINKLER_SLIP = 0.9;

export function wordLikeness(a: string, b: string): WordLikeness | null {
  if (a === b) return 'exact';
  if (soundsAlike(a, b)) return 'phonetic';
  if (withinTypo(a, b)) return 'typo';
  if (Math.min(a.length, b.length) >= 4 && jaroWinkler(a, b) >= JARO_WINKLER_SLIP) return 'typo';
  return null;
}

function better(a: WordLikeness | null, b: WordLikeness | null): WordLikeness | null {
  if (a === null) return b;
  if (b === null) return a;
  return WORD_RANK[a] >= WORD_RANK[b] ? a : b;
}

function worse(a: WordLikeness, b: WordLikeness): WordLikeness {
  return WORD_RANK[a] <= WORD_RANK[b] ? a : b;
}

/** How one name part (the given names, or the family name) of two people compares. */
export type PartLikeness =
  /** The same words (joined or not, any order). */
  | 'same'
  /** One is the other's words plus more: "Maria" / "María Luisa", "Razo" / "Razo López". */
  | 'compound'
  | 'phonetic'
  | 'typo';

const PART_RANK: Record<PartLikeness, number> = { same: 4, compound: 3, phonetic: 2, typo: 1 };

export function worsePart(a: PartLikeness, b: PartLikeness): PartLikeness {
  return PART_RANK[a] <= PART_RANK[b] ? a : b;
}

/** The best likeness of a word to any of the words of a name. */
function bestAgainst(word: string, others: readonly string[]): WordLikeness | null {
  let best: WordLikeness | null = null;
  for (const other of others) best = better(best, wordLikeness(word, other));
  return best;
}

/**
 * Given names: alike when every word of the shorter is (alike to) a word of the other, so "Maria"
 * or "Luisa" match "María Luisa", and a middle name typed into the first name matches; but sisters
 * "Ana Luisa" and "María Luisa", or "María José" and "María Fernanda", do not.
 * Family names: alike when any word of one is (alike to) a word of the other ("Razo" / "Razo López").
 */
export function partLikeness(
  a: readonly string[],
  b: readonly string[],
  part: 'given' | 'family',
): PartLikeness | null {
  if (a.length === 0 || b.length === 0) return null;
  // Joined or apart, in any order: "Mary Jane" / "Maryjane", "Razo López" / "López Razo".
  if (a.join('') === b.join('')) return 'same';
  if (a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ')) return 'same';
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  let level: WordLikeness | null = null;
  if (part === 'given') {
    for (const word of shorter) {
      const found = bestAgainst(word, longer);
      if (found === null) {
        level = null;
        break;
      }
      level = level === null ? found : worse(level, found);
    }
  } else {
    for (const word of shorter) level = better(level, bestAgainst(word, longer));
  }
  if (level === null) {
    // One typed joined, the other apart, with a slip: "marialuisa" / "maria luiza".
    return withinTypo(a.join(''), b.join('')) ? 'typo' : null;
  }
  if (level !== 'exact') return level;
  return 'compound';
}

/** The whole-person name comparison used by the reasons. */
export interface NameComparison {
  given: PartLikeness | null;
  family: PartLikeness | null;
  /** Given and family names each matching the other's family and given names. */
  transposed: boolean;
  givenMissing: boolean;
  familyMissing: boolean;
}

export interface NameParts {
  given: readonly string[];
  family: readonly string[];
  /** The family name's words joined, particles kept: "Dos Santos" and "Dossantos" are one name. */
  familyJoined: string;
}

export function nameParts(person: { firstName: string; middleName?: string | null; lastName: string }): NameParts {
  return {
    // Particles are dropped from family names only: in given names "le", "el" are as often part of a name cut in two.
    given: [...nameWords(person.firstName), ...nameWords(person.middleName)],
    family: nameTokens(person.lastName),
    familyJoined: nameWords(person.lastName).join(''),
  };
}

export function compareNames(a: NameParts, b: NameParts): NameComparison {
  const given = partLikeness(a.given, b.given, 'given');
  const family =
    a.familyJoined !== '' && a.familyJoined === b.familyJoined ? 'same' : partLikeness(a.family, b.family, 'family');
  const crossed = () => {
    const one = partLikeness(a.given, b.family, 'family');
    const two = partLikeness(a.family, b.given, 'family');
    return one !== null && two !== null;
  };
  return {
    given,
    family,
    transposed: (given === null || family === null) && crossed(),
    givenMissing: a.given.length === 0 || b.given.length === 0,
    familyMissing: a.family.length === 0 || b.family.length === 0,
  };
}

// ---- dates of birth ----------------------------------------------------------------------------

export type DobLikeness = 'same' | 'swapped' | 'near';

/**
 * Dates of birth: the same; day and month swapped; or one slip of the keyboard apart (a single
 * digit wrong, or two neighbouring digits swapped) — and still a real date.
 */
export function dobLikeness(a: string | null | undefined, b: string | null | undefined): DobLikeness | null {
  if (!a || !b) return null;
  if (a === b) return 'same';
  if (swapDayMonth(a) === b) return 'swapped';
  const x = a.replace(/-/g, '');
  const y = b.replace(/-/g, '');
  if (x.length !== 8 || y.length !== 8) return null;
  const differ: number[] = [];
  for (let i = 0; i < 8; i += 1) if (x[i] !== y[i]) differ.push(i);
  if (differ.length === 1) return 'near';
  const [i, j] = differ;
  if (differ.length === 2 && i !== undefined && j === i + 1 && x[i] === y[j] && x[j] === y[i]) return 'near';
  return null;
}

/** Every real date one slip apart from this one (for fetching candidates by date of birth). */
export function nearDates(iso: string): string[] {
  const digits = iso.replace(/-/g, '');
  if (!/^\d{8}$/.test(digits)) return [];
  const found = new Set<string>();
  const add = (text: string) => {
    const date = isoFromParts(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
    if (date && date !== iso) found.add(date);
  };
  for (let i = 0; i < 8; i += 1) {
    for (let d = 0; d <= 9; d += 1) {
      if (String(d) !== digits[i]) add(digits.slice(0, i) + String(d) + digits.slice(i + 1));
    }
    if (i < 7 && digits[i] !== digits[i + 1])
      add(digits.slice(0, i) + (digits[i + 1] ?? '') + (digits[i] ?? '') + digits.slice(i + 2));
  }
  return [...found];
}

/**
 * The words a person's candidates are fetched by (with a date of birth one slip apart, or a
 * postcode): each given and family word of two letters or more, particles left out, and the family
 * name joined up ("dossantos"). The search index holds the same words for every patient.
 */
export function blockingWords(person: { firstName: string; middleName?: string | null; lastName: string }): {
  given: string[];
  family: string[];
} {
  const long = (words: readonly string[]) => words.filter((word) => word.length >= 2 && !PARTICLES.has(word));
  const given = long([...nameWords(person.firstName), ...nameWords(person.middleName)]);
  const familyWords = nameWords(person.lastName);
  const family = long(familyWords);
  if (familyWords.length > 1) family.push(familyWords.join(''));
  return { given: [...new Set(given)], family: [...new Set(family)] };
}
