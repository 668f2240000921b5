import type { DuplicateReason, DuplicateReasonCode } from '../../../src-shared/patients/model';
import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { formatDate } from '../../../src-shared/patients/dates';
import { addressLikeness, addressParts, type AddressForMatching } from './duplicate-address';
import {
  compareNames,
  dobLikeness,
  nameParts,
  worsePart,
  type NameComparison,
  type PartLikeness,
} from './duplicate-fields';

export { editDistance } from './duplicate-fields';
export type { AddressForMatching } from './duplicate-address';

/**
 * Pure duplicate scoring: is `b` possibly the same person as `a`, and why. Each reason is a named
 * code with a sentence for the screen; the rules, in plain words, are in docs/architecture.md
 * ("Merges and duplicates") and the README's Patients chapter.
 *
 * Nothing shared by a family makes a strong duplicate on its own: siblings or parents at one address are
 * never flagged, and people with the same surname, date of birth and home but another first name (twins,
 * or one person whose first name was recorded differently) are shown as a possible candidate only, with a
 * reason that says so, never blocking a registration. Every other reason but a shared national id needs
 * first names that agree (or one left blank while the rest agrees).
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
  address?: AddressForMatching | null;
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
  same_dob_name_compound: 82,
  same_dob_name_phonetic: 80,
  same_dob_name_typo: 75,
  swapped_dob_same_name: 65,
  near_dob_same_name: 65,
  same_dob_address_part_name: 60,
  same_address_same_name: 55,
  same_dob_family_address: 40,
  same_email: 45,
  same_phone: 35,
  same_address: 20,
};
/** A candidate at or above this needs an explicit "not the same person" before saving. */
export const STRONG_SCORE = 75;

export type NameLikeness = 'same' | 'accents' | 'transposed' | 'compound' | 'phonetic' | 'typo';

function wholeNameLikeness(a: PersonForMatching, b: PersonForMatching, names: NameComparison): NameLikeness | null {
  if (names.given !== null && names.family !== null) {
    const level: PartLikeness = worsePart(names.given, names.family);
    if (level === 'same') {
      const raw = (p: PersonForMatching) =>
        [p.firstName, p.middleName ?? '', p.lastName].join(' ').trim().toLowerCase().replace(/\s+/g, ' ');
      return raw(a) === raw(b) ? 'same' : 'accents';
    }
    return level;
  }
  return names.transposed ? 'transposed' : null;
}

/** How alike two people's names are as a whole, or null when they are simply different names. */
export function nameLikeness(a: PersonForMatching, b: PersonForMatching): NameLikeness | null {
  return wholeNameLikeness(a, b, compareNames(nameParts(a), nameParts(b)));
}

const LIKENESS_CODE: Record<NameLikeness, DuplicateReasonCode> = {
  same: 'same_dob_same_name',
  accents: 'same_dob_name_accents',
  transposed: 'same_dob_name_transposed',
  compound: 'same_dob_name_compound',
  phonetic: 'same_dob_name_phonetic',
  typo: 'same_dob_name_typo',
};

function fullName(p: PersonForMatching): string {
  return [p.firstName, p.middleName, p.lastName].filter((part) => part && part.trim()).join(' ');
}

function addressText(address: AddressForMatching | null | undefined): string {
  return [address?.line1, address?.postalCode].filter((part) => part && part.trim()).join(', ');
}

export function scorePair(
  a: PersonForMatching,
  b: PersonForMatching,
  format: DateFormat = 'YYYY-MM-DD',
): DuplicateScore | null {
  const reasons: DuplicateReason[] = [];
  const add = (code: DuplicateReasonCode, message: string) => reasons.push({ code, message });
  const names = `${fullName(a)} / ${fullName(b)}`;
  const compared = compareNames(nameParts(a), nameParts(b));
  const likeness = wholeNameLikeness(a, b, compared);
  const dob = dobLikeness(a.dob, b.dob);
  const firstNamesAgree = compared.given !== null || (likeness === 'transposed' && !compared.givenMissing);
  // Given names both typed and unlike: another person (a twin, a sibling, a parent), whatever else agrees.
  const givenDiffers = !compared.givenMissing && !firstNamesAgree;
  const home = !a.address || !b.address ? null : addressLikeness(addressParts(a.address), addressParts(b.address));
  const address = givenDiffers ? null : home;

  if (a.nationalId && b.nationalId && a.nationalId === b.nationalId) {
    add('same_national_id', `Same national id (ending ${a.nationalId.slice(-4)})`);
  }
  const where = `the same ${address === 'street' ? 'street' : 'address'} (${addressText(b.address)})`;
  const date = a.dob ? formatDate(a.dob, format) : '';
  const dates = `${date} / ${b.dob ? formatDate(b.dob, format) : ''}`;
  if (likeness && dob === 'same') {
    const sentences: Record<NameLikeness, string> = {
      same: `Same name and date of birth (${date})`,
      accents: `Same name apart from accents, capitals or punctuation (${names}) and same date of birth (${date})`,
      transposed: `First and last names swapped (${names}) and same date of birth (${date})`,
      compound: `One name contains the other (${names}) and same date of birth (${date})`,
      phonetic: `Names that sound the same (${names}) and same date of birth (${date})`,
      typo: `Names a typing slip apart (${names}) and same date of birth (${date})`,
    };
    add(LIKENESS_CODE[likeness], sentences[likeness]);
  } else if (likeness && dob === 'swapped' && likeness !== 'transposed') {
    add('swapped_dob_same_name', `Same name and a date of birth with day and month swapped (${dates})`);
  } else if (likeness && dob === 'near') {
    add('near_dob_same_name', `Same name (${names}) and dates of birth one typing slip apart (${dates})`);
  } else if (likeness && address) {
    const born = a.dob && b.dob ? `born ${dates}` : 'a date of birth missing';
    add('same_address_same_name', `Same name (${names}) at ${where}, ${born}`);
  } else if (dob === 'same' && address && !givenDiffers && (compared.given !== null || compared.family !== null)) {
    // One name agrees and the other is blank or changed (a married name), on the same day at the same home.
    add('same_dob_address_part_name', `Same date of birth (${date}) at ${where}, and part of the name (${names})`);
  } else if (givenDiffers && dob === 'same' && home === 'home' && compared.family !== null) {
    // A twin looks exactly like this, and so does one person whose first name was written differently:
    // shown, never strong, so a twin is registered without a second click.
    add(
      'same_dob_family_address',
      `Same surname, date of birth (${date}) and home (${addressText(b.address)}), another first name (${names}): a twin, or the same person?`,
    );
  }
  if (firstNamesAgree || likeness !== null) {
    if (a.email && b.email && a.email.toLowerCase() === b.email.toLowerCase())
      add('same_email', `Same email (${a.email.toLowerCase()})`);
    const shared = (a.phoneTails ?? []).find((tail) => tail.length >= 6 && (b.phoneTails ?? []).includes(tail));
    if (shared) add('same_phone', `Same phone number (ending ${shared.slice(-4)})`);
  }
  if (reasons.length === 0) return null;
  // The address supports a reason; it is never one by itself.
  const addressUsed = reasons.some(
    (r) => r.code === 'same_address_same_name' || r.code === 'same_dob_address_part_name',
  );
  if (address && !addressUsed) add('same_address', `Lives at ${where}`);
  const weights = reasons.map((reason) => WEIGHTS[reason.code]).sort((x, y) => y - x);
  const score = Math.min(100, (weights[0] ?? 0) + 10 * (weights.length - 1));
  reasons.sort((x, y) => WEIGHTS[y.code] - WEIGHTS[x.code]);
  return { score, strength: score >= STRONG_SCORE ? 'strong' : 'possible', reasons };
}

/**
 * False only when `scorePair(a, b)` cannot be strong, decided without comparing names or addresses:
 * a pass over many pairs (the snapshot's duplicate pass) skips most of them with this. From WEIGHTS
 * and STRONG_SCORE: every reason of 75 or more needs a shared national id or dates of birth that agree
 * (the same, swapped or one slip apart); without those the best is a name at the same address (55) with
 * both email and phone shared (+10 each), and without a shared email and phone at most 65.
 * tests/unit/duplicates-can-be-strong.test.ts holds it to scorePair.
 */
export function canBeStrong(a: PersonForMatching, b: PersonForMatching): boolean {
  if (a.nationalId && b.nationalId && a.nationalId === b.nationalId) return true;
  if (dobLikeness(a.dob, b.dob) !== null) return true;
  if (!a.email || !b.email || a.email.toLowerCase() !== b.email.toLowerCase()) return false;
  const theirs = b.phoneTails ?? [];
  return (a.phoneTails ?? []).some((tail) => tail.length >= 6 && theirs.includes(tail));
}
