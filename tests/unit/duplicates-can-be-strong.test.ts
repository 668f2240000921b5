import { describe, expect, it } from 'vitest';
import { canBeStrong, scorePair, type PersonForMatching } from '../../src-main/core/patients/duplicates';
import { loadFebrlPairs, type FebrlRecord } from '../bench/febrl';
import { sharedDataHere } from '../helpers/shared-data';

/**
 * `canBeStrong` lets the snapshot's duplicate pass skip a pair without scoring it, so it must never say
 * no to a pair `scorePair` calls strong. Held to that on Febrl's originals and duplicates (with emails,
 * phones and national ids shared in some of them, so every kind of reason appears) and on every pair of a
 * few hundred of those records, and on the one strong shape with no date of birth in common.
 */

const here = sharedDataHere('febrl', 'duplicates-can-be-strong');

function person(record: FebrlRecord, k: number, side: 'a' | 'b'): PersonForMatching {
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    dob: record.dob,
    address: record.address,
    // Shared by both sides of some pairs, and only one side's in others.
    email: k % 3 === 0 || (k % 5 === 0 && side === 'a') ? `p${k}@example.org` : null,
    phoneTails: k % 2 === 0 ? [`4${String(k).padStart(8, '0')}`] : [],
    nationalId: k % 7 === 0 ? `N${k}` : null,
  };
}

describe('canBeStrong', () => {
  it('is true for a name at one address with the email and phone shared, born years apart', () => {
    const base = {
      firstName: 'Harriet',
      lastName: 'Quillfeather',
      address: { line1: '12 Larch Street', city: 'Kambah', postalCode: '2902' },
      email: 'hq@example.org',
      phoneTails: ['412345678'],
    };
    const a = { ...base, dob: '1980-01-01' };
    const b = { ...base, dob: '1975-06-30' };
    expect(scorePair(a, b)?.strength).toBe('strong');
    expect(canBeStrong(a, b)).toBe(true);
    expect(canBeStrong(a, { ...b, phoneTails: [] })).toBe(false);
    expect(scorePair(a, { ...b, phoneTails: [] })?.strength).not.toBe('strong');
  });

  it.skipIf(!here)('never says no to a pair scorePair calls strong (Febrl dataset 4)', () => {
    const pairs = loadFebrlPairs();
    let strong = 0;
    let skipped = 0;
    const check = (a: PersonForMatching, b: PersonForMatching) => {
      const score = scorePair(a, b);
      const can = canBeStrong(a, b);
      if (score?.strength === 'strong') {
        strong += 1;
        expect(can, `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(true);
      }
      if (!can) skipped += 1;
    };
    pairs.forEach(({ original, duplicate }, k) => {
      check(person(original, k, 'a'), person(duplicate, k, 'b'));
      check(person(duplicate, k, 'b'), person(original, k, 'a'));
    });
    const few = pairs
      .slice(0, 200)
      .flatMap(({ original, duplicate }, k) => [person(original, k, 'a'), person(duplicate, k, 'b')]);
    for (const a of few) for (const b of few) if (a !== b) check(a, b);
    expect(strong).toBeGreaterThan(4_000);
    // And it is worth having: most pairs of different people are skipped.
    expect(skipped).toBeGreaterThan(100_000);
  });
});
