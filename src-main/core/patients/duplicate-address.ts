import { nameWords } from '../../../src-shared/patients/names';
import { editDistance } from './duplicate-fields';

/**
 * Do two addresses name the same home? Pure, for duplicate matching. An address agrees when the
 * street agrees (its words, spelling slips and spacing aside, street types and their abbreviations
 * equal) with no contradicting house number, and the postcode, the town or the house number agrees
 * too; or when postcode, town and house number all agree (the street typed very differently).
 * Two addresses whose postcodes and towns both differ never agree.
 */

export interface AddressForMatching {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  postalCode?: string | null;
}

/** Street types and their usual abbreviations, written one way (English, Spanish, Portuguese, French). */
const STREET_WORDS: Record<string, string> = {
  st: 'street',
  str: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  avda: 'avenida',
  dr: 'drive',
  drv: 'drive',
  pl: 'place',
  cres: 'crescent',
  cr: 'crescent',
  ct: 'court',
  crt: 'court',
  ln: 'lane',
  blvd: 'boulevard',
  bd: 'boulevard',
  cct: 'circuit',
  cir: 'circle',
  tce: 'terrace',
  ter: 'terrace',
  pde: 'parade',
  hwy: 'highway',
  sq: 'square',
  pk: 'park',
  pkwy: 'parkway',
  gr: 'grove',
  gdns: 'gardens',
  mt: 'mount',
  apt: 'apartment',
  cl: 'close',
};

/**
 * A postcode written one way: ASCII letters upper case, spaces and hyphens out ("sw1a 1aa" =
 * "SW1A1AA"). The candidate query computes the same in SQL (POSTCODE_KEY in duplicate-candidate-repository.ts):
 * upper(replace(replace(x, ' ', ''), '-', '')), ASCII letters only, as SQLite's upper().
 */
export function postcodeKey(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(/[a-z]/g, (letter) => letter.toUpperCase()).replace(/[ -]/g, '');
}

interface AddressParts {
  numbers: string[];
  /** Street words joined, types written out: "12 Pinkerton Cct" -> "pinkertoncircuit". */
  street: string;
  /** Line 2 the same way, since people swap the lines. */
  street2: string;
  city: string;
  postcode: string;
}

function streetOf(words: readonly string[]): string {
  return words
    .filter((word) => !/\d/.test(word))
    .map((word) => STREET_WORDS[word] ?? word)
    .join('');
}

/** The same length, and one character different or two neighbours swapped. */
function oneSlipApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) differ.push(i);
  const [i, j] = differ;
  if (differ.length === 1) return true;
  return differ.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

export function addressParts(address: AddressForMatching | null | undefined): AddressParts {
  const line1 = nameWords(address?.line1);
  const line2 = nameWords(address?.line2);
  return {
    numbers: [...line1, ...line2].filter((word) => /\d/.test(word)),
    street: streetOf(line1),
    street2: streetOf(line2),
    city: nameWords(address?.city).join(''),
    postcode: postcodeKey(address?.postalCode),
  };
}

/** Longer texts allow more slips: none under 5 letters, then one per 6 letters, at most 3. */
function textsAlike(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const longer = Math.max(a.length, b.length);
  if (longer < 5) return false;
  const allowed = Math.min(3, Math.max(1, Math.floor(longer / 6)));
  if (Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b) <= allowed;
}

/**
 * 'home': the same street with no contradicting house number, in the same postcode or town (or
 * with the same number); or postcode, town and number all agreeing. 'street': the same street in
 * the same postcode or town, the numbers differing (a slip in the number, or next door).
 */
export type AddressLikeness = 'home' | 'street';

export function addressLikeness(a: AddressParts, b: AddressParts): AddressLikeness | null {
  const postcodeAgrees = a.postcode !== '' && a.postcode === b.postcode;
  const postcodeDiffers = a.postcode !== '' && b.postcode !== '' && a.postcode !== b.postcode;
  const cityAgrees = textsAlike(a.city, b.city);
  const cityDiffers = a.city !== '' && b.city !== '' && !cityAgrees;
  if (postcodeDiffers && cityDiffers) return null;
  const numbersKnown = a.numbers.length > 0 && b.numbers.length > 0;
  const numbersAgree = numbersKnown && a.numbers.some((number) => b.numbers.includes(number));
  const streetAgrees =
    textsAlike(a.street, b.street) ||
    textsAlike(a.street, b.street2) ||
    textsAlike(a.street2, b.street) ||
    (a.street === '' && b.street === '' && textsAlike(a.street2, b.street2));
  // A postcode one slip apart counts for the place unless the towns differ.
  const postcodeClose = postcodeAgrees || (a.postcode.length >= 4 && oneSlipApart(a.postcode, b.postcode));
  const placeAgrees = postcodeAgrees || cityAgrees || (postcodeClose && !cityDiffers);
  if (streetAgrees) {
    if (numbersKnown && !numbersAgree) return placeAgrees ? 'street' : null;
    return placeAgrees || numbersAgree ? 'home' : null;
  }
  return postcodeClose && cityAgrees && numbersAgree ? 'home' : null;
}
