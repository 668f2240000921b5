import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isoFromParts } from '../../src-shared/patients/dates';

/**
 * Febrl dataset 4 (../shared/data/febrl: 5,000 original person records and one duplicate of each,
 * made by the Febrl generator with typing slips, swapped and missing values) as a receptionist
 * would type it into the registration form: given name, surname, date of birth and the address.
 */

export const FEBRL_DIR = resolve(import.meta.dirname, '../../../shared/data/febrl');

export interface FebrlAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: null;
}

export interface FebrlRecord {
  /** "rec-1070": the original and its duplicate share it. */
  id: string;
  firstName: string;
  lastName: string;
  /** ISO, or null when missing or not a real date (the form would read nothing). */
  dob: string | null;
  address: FebrlAddress;
}

export interface FebrlPair {
  original: FebrlRecord;
  duplicate: FebrlRecord;
}

export function febrlAvailable(dir = FEBRL_DIR): boolean {
  return existsSync(resolve(dir, 'dataset4a.csv')) && existsSync(resolve(dir, 'dataset4b.csv'));
}

const blank = (text: string | undefined): string | null => (text && text.trim() !== '' ? text.trim() : null);

/** One CSV line: no field of dataset 4 holds a comma or a quote. */
function parseLine(line: string): FebrlRecord {
  const cells = line.split(',').map((cell) => cell.trim());
  const [recId, given, surname, streetNumber, address1, address2, suburb, postcode, state, dob] = cells;
  const digits = dob ?? '';
  const iso =
    digits.length === 8
      ? isoFromParts(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)))
      : null;
  return {
    id: (recId ?? '').replace(/-(org|dup-\d+)$/, ''),
    firstName: given ?? '',
    lastName: surname ?? '',
    dob: iso,
    address: {
      line1: blank([streetNumber, address1].filter(Boolean).join(' ')),
      line2: blank(address2),
      city: blank(suburb),
      region: blank(state),
      postalCode: blank(postcode),
      country: null,
    },
  };
}

function readRecords(file: string): FebrlRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map(parseLine);
}

/** Every original with its duplicate, in the order of the originals' file. */
export function loadFebrlPairs(dir = FEBRL_DIR): FebrlPair[] {
  const originals = readRecords(resolve(dir, 'dataset4a.csv'));
  const duplicates = new Map(readRecords(resolve(dir, 'dataset4b.csv')).map((record) => [record.id, record]));
  return originals.flatMap((original) => {
    const duplicate = duplicates.get(original.id);
    return duplicate ? [{ original, duplicate }] : [];
  });
}

/** What registration accepts: both names and a date of birth. */
export function registrable(record: FebrlRecord): boolean {
  return record.firstName !== '' && record.lastName !== '' && record.dob !== null;
}
