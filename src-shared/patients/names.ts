/**
 * Name folding for search and duplicate matching. Pure, so the renderer can highlight and pre-check
 * with exactly the rules main uses.
 */

/** Letters that Unicode decomposition does not split into a base letter and a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
};
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');
const MARKS = /\p{M}+/gu;
/** Apostrophes join: O'Brien is searched as obrien. */
const APOSTROPHES = /['\u2019\u2018`\u02BC]/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Lower case, accents removed, special letters spelled out: "Müller-Łukasz" -> "muller-lukasz". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

/** The words of a name, folded: "María-José  O'Brien" -> ["maria", "jose", "obrien"]. */
export function nameWords(text: string | null | undefined): string[] {
  if (!text) return [];
  return foldText(text)
    .replace(APOSTROPHES, '')
    .split(SEPARATORS)
    .filter((word) => word.length > 0);
}

/** One folded string without spaces, for comparing whole names: "De la Cruz" -> "delacruz". */
export function nameKey(text: string | null | undefined): string {
  return nameWords(text).join('');
}

/**
 * The words a person can be found by: each word of each name, and a name of several words also
 * joined up ("de la cruz" is found by "delacruz" too). Distinct, in order of appearance.
 */
export function searchWords(names: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    const parts = nameWords(name);
    for (const part of parts) words.add(part);
    if (parts.length > 1) words.add(parts.join(''));
  }
  return [...words];
}

/** "Garcia López, María José" style for lists; the preferred name in quotes when it differs. */
export function displayName(person: {
  firstName: string;
  middleName?: string | null;
  lastName: string;
  preferredName?: string | null;
}): string {
  const given = [person.firstName, person.middleName].filter((part) => part && part.trim()).join(' ');
  const preferred =
    person.preferredName && nameKey(person.preferredName) !== nameKey(person.firstName)
      ? ` "${person.preferredName}"`
      : '';
  return `${person.lastName}, ${given}${preferred}`;
}
