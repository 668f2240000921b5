import { describe, expect, it } from 'vitest';
import { gs1Date, normaliseGtin, parseGs1, validGtin } from '../../src-shared/stock/gs1';

/**
 * GS1 element strings as scanners type them, from the GS1 General Specifications' and the GS1
 * DataMatrix Guideline's examples: GTIN 09506000134352 and 09501101530003 (GS1's example GTINs).
 */

const GS = '\x1d';
const YEAR = 2026;

describe('GS1 element strings', () => {
  it('reads the human-readable form with parentheses', () => {
    const result = parseGs1('(01)09506000134352(17)201231(10)ABC123', YEAR);
    expect(result).toMatchObject({ ok: true, gtin: '09506000134352', expiryOn: '2020-12-31', lotNumber: 'ABC123' });
  });

  it('reads the raw form: fixed-length AIs need no separator, a variable one ends at FNC1 (GS) or the end', () => {
    expect(parseGs1('01095060001343521720123110ABC123', YEAR)).toMatchObject({
      ok: true,
      gtin: '09506000134352',
      expiryOn: '2020-12-31',
      lotNumber: 'ABC123',
    });
    expect(parseGs1(`010950110153000310AB-123${GS}17140704`, YEAR)).toMatchObject({
      ok: true,
      gtin: '09501101530003',
      lotNumber: 'AB-123',
      expiryOn: '2014-07-04',
    });
    expect(parseGs1(`]d2010950600013435221SER-77${GS}10L1${GS}17270500`, YEAR)).toMatchObject({
      ok: true,
      serial: 'SER-77',
      lotNumber: 'L1',
      expiryOn: '2027-05-31',
    });
  });

  it('steps over AIs it does not use by their lengths (a net weight, a count) and keeps reading', () => {
    expect(parseGs1('0109506000134352310300018910X1', YEAR)).toMatchObject({ ok: true, lotNumber: 'X1' });
    expect(parseGs1(`(01)09506000134352(30)12(10)LOT9`, YEAR)).toMatchObject({ ok: true, lotNumber: 'LOT9' });
  });

  it('expiry day 00 is the last day of the month, leap years included', () => {
    expect(gs1Date('260200', YEAR)).toBe('2026-02-28');
    expect(gs1Date('280200', YEAR)).toBe('2028-02-29');
    expect(gs1Date('271100', YEAR)).toBe('2027-11-30');
    expect(gs1Date('261300', YEAR)).toBeNull();
    expect(gs1Date('260230', YEAR)).toBeNull();
  });

  it('puts a two-digit year in the century GS1 says: up to 50 years ahead, else the century before', () => {
    expect(gs1Date('750101', YEAR)).toBe('2075-01-01');
    expect(gs1Date('770101', YEAR)).toBe('1977-01-01');
    expect(gs1Date('990101', YEAR)).toBe('1999-01-01');
    expect(gs1Date('000101', 2099)).toBe('2100-01-01');
  });

  it('checks the GTIN check digit', () => {
    expect(validGtin('09506000134352')).toBe(true);
    expect(validGtin('09501101530003')).toBe(true);
    expect(validGtin('4006381333931')).toBe(true); // EAN-13
    expect(validGtin('96385074')).toBe(true); // EAN-8
    expect(validGtin('036000291452')).toBe(true); // UPC-A
    expect(validGtin('09506000134353')).toBe(false);
    expect(normaliseGtin('4006381333931')).toBe('04006381333931');
    const bad = parseGs1('(01)09506000134353(10)A', YEAR);
    expect(bad).toEqual({ ok: false, problem: '(01) 09506000134353 fails its check digit' });
  });

  it('reads a bare EAN-13 as its GTIN and refuses what is not GS1', () => {
    expect(parseGs1('9506000134352', YEAR)).toMatchObject({ ok: true, gtin: '09506000134352', lotNumber: null });
    expect(parseGs1('(17)201332', YEAR)).toMatchObject({ ok: false });
    expect(parseGs1('23ABC', YEAR)).toMatchObject({ ok: false });
    expect(parseGs1('0109506000', YEAR)).toEqual({ ok: false, problem: '(01) is cut short' });
    expect(parseGs1('(10)' + 'X'.repeat(21), YEAR)).toMatchObject({ ok: false });
    expect(parseGs1('', YEAR)).toMatchObject({ ok: false });
  });
});
