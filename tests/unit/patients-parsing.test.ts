import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src-main/core/patients/search-terms';
import { ageOn, formatDate, isIsoDate, parseDateInput, swapDayMonth, todayIn } from '../../src-shared/patients/dates';
import { displayName, foldText, nameWords, searchWords } from '../../src-shared/patients/names';
import { isPlausiblePhone, normalisePhone, phoneSearchDigits, phoneTail } from '../../src-shared/patients/phones';

describe('date of birth input', () => {
  it('reads ISO in every clinic format', () => {
    for (const format of ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const) {
      expect(parseDateInput('1964-06-29', format)).toBe('1964-06-29');
      expect(parseDateInput(' 1964-6-9 ', format)).toBe('1964-06-09');
    }
  });

  it("reads day and month in the clinic's order, with any separator", () => {
    expect(parseDateInput('05/06/1964', 'DD/MM/YYYY')).toBe('1964-06-05');
    expect(parseDateInput('05.06.1964', 'DD/MM/YYYY')).toBe('1964-06-05');
    expect(parseDateInput('5-6-1964', 'DD/MM/YYYY')).toBe('1964-06-05');
    expect(parseDateInput('05/06/1964', 'MM/DD/YYYY')).toBe('1964-05-06');
    expect(parseDateInput('06/29/1964', 'MM/DD/YYYY')).toBe('1964-06-29');
  });

  it("falls back to the other order only when the clinic's cannot be a date", () => {
    expect(parseDateInput('29/06/1964', 'MM/DD/YYYY')).toBe('1964-06-29');
    expect(parseDateInput('06/29/1964', 'DD/MM/YYYY')).toBe('1964-06-29');
  });

  it('reads compact digits in the clinic order', () => {
    expect(parseDateInput('29061964', 'DD/MM/YYYY')).toBe('1964-06-29');
    expect(parseDateInput('06291964', 'MM/DD/YYYY')).toBe('1964-06-29');
    expect(parseDateInput('19640629', 'YYYY-MM-DD')).toBe('1964-06-29');
    expect(parseDateInput('29061964', 'YYYY-MM-DD')).toBe('1964-06-29');
    expect(parseDateInput('05061964', 'DD/MM/YYYY')).toBe('1964-06-05');
  });

  it('refuses what is not a real date', () => {
    for (const text of ['31/02/1964', '1964-13-01', '32061964', 'June 29', '', '29/06/64', '1964-02-30']) {
      expect(parseDateInput(text, 'DD/MM/YYYY'), text).toBeNull();
    }
    expect(parseDateInput('02/29/1963', 'MM/DD/YYYY')).toBeNull();
    expect(parseDateInput('02/29/1964', 'MM/DD/YYYY')).toBe('1964-02-29');
  });

  it('formats, ages, swaps and validates', () => {
    expect(formatDate('1964-06-29', 'DD/MM/YYYY')).toBe('29/06/1964');
    expect(formatDate('1964-06-29', 'MM/DD/YYYY')).toBe('06/29/1964');
    expect(ageOn('1964-06-29', '2026-06-28')).toBe(61);
    expect(ageOn('1964-06-29', '2026-06-29')).toBe(62);
    expect(swapDayMonth('1964-06-05')).toBe('1964-05-06');
    expect(swapDayMonth('1964-06-29')).toBeNull();
    expect(swapDayMonth('1964-06-06')).toBeNull();
    expect(isIsoDate('1964-06-29')).toBe(true);
    expect(isIsoDate('1964-6-29')).toBe(false);
    expect(todayIn('Pacific/Auckland', Date.UTC(2026, 10, 22, 13, 0))).toBe('2026-11-23');
    expect(todayIn('America/New_York', Date.UTC(2026, 10, 22, 3, 0))).toBe('2026-11-21');
  });

  it("reads today's date as the zone data does, either side of midnights and clock changes (fast-check)", () => {
    // todayIn reads cached offsets, not Intl: each answer is checked against Intl itself.
    const zones = [
      'Pacific/Auckland',
      'America/New_York',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Asia/Kathmandu',
      'America/Sao_Paulo',
      'Europe/London',
    ];
    const intlDate = (zone: string, at: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        at,
      );
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: -90, max: 90 }),
        (zone, at, minutes) => {
          // Near a whole hour or half hour of UTC, where midnights and clock changes fall.
          const instant = Math.floor(at / 1_800_000) * 1_800_000 + minutes * 60_000 + (at % 1000);
          expect(todayIn(zone, instant)).toBe(intlDate(zone, instant));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('phone input', () => {
  it('normalises to E.164 when the country is known, national digits when not', () => {
    expect(normalisePhone('+44 (0)7700 900-123', null)).toBe('+447700900123');
    expect(normalisePhone('0044 7700 900123', null)).toBe('+447700900123');
    expect(normalisePhone('07700 900123', '44')).toBe('+447700900123');
    expect(normalisePhone('07700 900123', null)).toBe('07700900123');
    expect(normalisePhone('(212) 555-0134', '1')).toBe('+12125550134');
  });

  it('matches the same phone written differently by its tail', () => {
    expect(phoneTail(normalisePhone('07700 900123', null))).toBe(phoneTail('+447700900123'));
    expect(phoneSearchDigits('07700 900')).toBe('7700900');
  });

  it('refuses letters and too few or too many digits', () => {
    expect(isPlausiblePhone('07700 900123')).toBe(true);
    expect(isPlausiblePhone('+1 (212) 555-0134')).toBe(true);
    expect(isPlausiblePhone('12345')).toBe(false);
    expect(isPlausiblePhone('0770O 900123')).toBe(false);
    expect(isPlausiblePhone('1234567890123456')).toBe(false);
    expect(isPlausiblePhone('call me')).toBe(false);
  });
});

describe('names', () => {
  it('folds accents, case and special letters, and joins apostrophes', () => {
    expect(foldText('Müller Łukasz ØSTERGÅRD Weiß')).toBe('muller lukasz ostergard weiss');
    expect(nameWords("María-José  O'Brien")).toEqual(['maria', 'jose', 'obrien']);
    expect(searchWords(['Ana', null, 'de la Cruz'])).toEqual(['ana', 'de', 'la', 'cruz', 'delacruz']);
    expect(displayName({ firstName: 'Elizabeth', middleName: 'Ann', lastName: 'Taylor', preferredName: 'Liz' })).toBe(
      'Taylor, Elizabeth Ann "Liz"',
    );
  });
});

describe('search query', () => {
  it('tells names, dates, phone digits, MRNs and emails apart', () => {
    expect(parseQuery('García, José', 'DD/MM/YYYY')).toEqual([
      { kind: 'name', word: 'garcia' },
      { kind: 'name', word: 'jose' },
    ]);
    expect(parseQuery('29/06/1964', 'DD/MM/YYYY')).toEqual([{ kind: 'date', date: '1964-06-29' }]);
    expect(parseQuery('smith 06/29/1964', 'MM/DD/YYYY')).toEqual([
      { kind: 'name', word: 'smith' },
      { kind: 'date', date: '1964-06-29' },
    ]);
    expect(parseQuery('29061964', 'DD/MM/YYYY')).toEqual([
      { kind: 'digits', digits: '29061964', phone: '29061964', date: '1964-06-29' },
    ]);
    expect(parseQuery('07700 900123', 'DD/MM/YYYY')).toEqual([
      { kind: 'digits', digits: '07700900123', phone: '7700900123', date: null },
    ]);
    expect(parseQuery('P000042', 'DD/MM/YYYY')).toEqual([{ kind: 'code', text: 'p000042' }]);
    expect(parseQuery('Ana@Example.com', 'DD/MM/YYYY')).toEqual([{ kind: 'email', text: 'ana@example.com' }]);
    expect(parseQuery('   ', 'DD/MM/YYYY')).toEqual([]);
  });
});
