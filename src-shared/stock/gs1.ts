/**
 * GS1 element strings, as a keyboard-wedge scanner types them from a GS1-128 or GS1 DataMatrix
 * barcode, or as printed under it in the human-readable form: `(01)09506000134352(17)201231(10)ABC123`
 * or `0109506000134352172012311` + `0ABC123` with FNC1 sent as the group separator (\x1d) after a
 * variable-length field. We read the AIs a medicine or vaccine carries: (01) GTIN with its check digit,
 * (10) lot, (17) expiry YYMMDD (day 00: the month's last day), (21) serial; the others are stepped over
 * by their lengths from the General Specifications' AI table so that what follows them still parses.
 *
 * Written here rather than taken from npm: the parsers there (in 2026) are forks of one untyped script
 * from 2015 (`gs1-barcode-parser*`), pre-1.0 (`gs1js` 0.0.2) or unmaintained since 2024 (`bark-js`); we
 * need four AIs, typed and bounded, and ~150 lines are cheaper to own than a dependency to vet.
 */

export const GROUP_SEPARATOR = '\x1d';

export interface Gs1Element {
  ai: string;
  value: string;
}

export interface Gs1Data {
  elements: Gs1Element[];
  /** 14 digits, check digit verified. */
  gtin: string | null;
  lotNumber: string | null;
  /** ISO date: the last day the product may be used. */
  expiryOn: string | null;
  serial: string | null;
}

export type Gs1Result = ({ ok: true } & Gs1Data) | { ok: false; problem: string };

/** How an AI's data is laid out: a fixed number of characters, or up to a maximum ended by FNC1. */
interface AiSpec {
  length: number;
  fixed: boolean;
}

const fixed = (length: number): AiSpec => ({ length, fixed: true });
const upTo = (length: number): AiSpec => ({ length, fixed: false });

/** The GS1 General Specifications' AIs that medicines and supplies carry, by AI (2, 3 or 4 digits). */
const AI_TABLE: Record<string, AiSpec> = {
  '00': fixed(18),
  '01': fixed(14),
  '02': fixed(14),
  '10': upTo(20),
  '11': fixed(6),
  '12': fixed(6),
  '13': fixed(6),
  '15': fixed(6),
  '16': fixed(6),
  '17': fixed(6),
  '20': fixed(2),
  '21': upTo(20),
  '22': upTo(20),
  '235': upTo(28),
  '240': upTo(30),
  '241': upTo(30),
  '30': upTo(8),
  '37': upTo(8),
  '400': upTo(30),
  '710': upTo(20),
  '711': upTo(20),
  '712': upTo(20),
  '713': upTo(20),
  '714': upTo(20),
  '715': upTo(20),
  '7003': fixed(10),
  '8004': upTo(30),
  '8020': upTo(25),
};

/** The AI at the start of `text`: 2 digits, or 3/4 where the table or the 31nn–36nn measure families say so. */
function aiAt(text: string, at: number): { ai: string; spec: AiSpec } | null {
  for (const length of [2, 3, 4]) {
    const ai = text.slice(at, at + length);
    if (ai.length < length || !/^\d+$/.test(ai)) return null;
    const spec = AI_TABLE[ai];
    if (spec) return { ai, spec };
    // Measures (310n–369n): a 4-digit AI, 6 digits of data.
    if (length === 4 && /^3[1-6]\d\d$/.test(ai)) return { ai, spec: fixed(6) };
    // Company-internal (90–99): up to 90 characters.
    if (length === 2 && /^9\d$/.test(ai)) return { ai, spec: upTo(90) };
  }
  return null;
}

/** The GS1 mod-10 check: weights 3 and 1 alternating from the right, the last digit being the check. */
export function validGtin(digits: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(digits)) return false;
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/** A GTIN-8/12/13/14 as the 14 digits (01) carries, or null when it is not one (length or check digit). */
export function normaliseGtin(text: string): string | null {
  const digits = text.trim();
  return validGtin(digits) ? digits.padStart(14, '0') : null;
}

/**
 * YYMMDD to an ISO date. The century follows the General Specifications' rule (7.12): the year nearest to
 * the reference year, 49 years back to 50 ahead. Day 00 means the last day of the month.
 */
export function gs1Date(yymmdd: string, referenceYear: number): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  const century = Math.floor(referenceYear / 100) * 100;
  let year = century + yy;
  const difference = yy - (referenceYear % 100);
  if (difference >= 51) year -= 100;
  else if (difference <= -50) year += 100;
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day === 0) day = lastDay;
  if (day > lastDay) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Scanners may prefix the symbology identifier: ]C1 (GS1-128), ]d2 (GS1 DataMatrix), ]Q3 (QR), ]e0 (DataBar). */
const SYMBOLOGY = /^\](?:C1|d2|Q3|e0|J1)/;

function splitParenthesised(text: string): Gs1Element[] | string {
  const elements: Gs1Element[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] !== '(') return `expected "(" at character ${at + 1}`;
    const close = text.indexOf(')', at);
    if (close < 0) return 'an application identifier is not closed with ")"';
    const ai = text.slice(at + 1, close);
    const next = text.indexOf('(', close);
    const value = text.slice(close + 1, next < 0 ? text.length : next);
    elements.push({ ai, value });
    at = next < 0 ? text.length : next;
  }
  return elements;
}

function splitRaw(text: string): Gs1Element[] | string {
  const elements: Gs1Element[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === GROUP_SEPARATOR) {
      at += 1;
      continue;
    }
    const found = aiAt(text, at);
    if (!found) return `unknown application identifier at character ${at + 1}`;
    const start = at + found.ai.length;
    let end: number;
    if (found.spec.fixed) {
      end = start + found.spec.length;
      if (end > text.length) return `(${found.ai}) is cut short`;
    } else {
      const separator = text.indexOf(GROUP_SEPARATOR, start);
      end = separator < 0 ? text.length : separator;
    }
    elements.push({ ai: found.ai, value: text.slice(start, end) });
    at = end;
  }
  return elements;
}

/** Checks each element against the table and reads the four we use. */
function interpret(elements: Gs1Element[], referenceYear: number): Gs1Result {
  const data: Gs1Data = { elements, gtin: null, lotNumber: null, expiryOn: null, serial: null };
  for (const { ai, value } of elements) {
    const spec = aiAt(ai, 0);
    if (!spec || spec.ai !== ai) return { ok: false, problem: `(${ai}) is not an application identifier we know` };
    if (spec.spec.fixed ? value.length !== spec.spec.length : value.length < 1 || value.length > spec.spec.length)
      return { ok: false, problem: `(${ai}) has ${value.length} characters` };
    if (ai === '01') {
      if (!validGtin(value)) return { ok: false, problem: `(01) ${value} fails its check digit` };
      data.gtin = value;
    } else if (ai === '10') data.lotNumber = value;
    else if (ai === '21') data.serial = value;
    else if (ai === '17') {
      const date = gs1Date(value, referenceYear);
      if (!date) return { ok: false, problem: `(17) ${value} is not a date` };
      data.expiryOn = date;
    }
  }
  return { ok: true, ...data };
}

/**
 * Parses what a scanner typed. `referenceYear` is this year (the century of a two-digit year follows it).
 * A bare GTIN-8/12/13/14 (a plain EAN/UPC barcode) is read as (01).
 */
export function parseGs1(input: string, referenceYear: number): Gs1Result {
  const text = input.replace(SYMBOLOGY, '').replace(/[\r\n]+$/, '');
  if (text.length === 0) return { ok: false, problem: 'nothing was scanned' };
  if (text.length > 200) return { ok: false, problem: 'is longer than any GS1 barcode' };
  if (/^\d{8}$|^\d{12,13}$/.test(text)) {
    const gtin = normaliseGtin(text);
    return gtin
      ? { ok: true, elements: [{ ai: '01', value: gtin }], gtin, lotNumber: null, expiryOn: null, serial: null }
      : { ok: false, problem: `${text} fails its check digit` };
  }
  const elements = text.startsWith('(') ? splitParenthesised(text) : splitRaw(text);
  if (typeof elements === 'string') return { ok: false, problem: elements };
  return interpret(elements, referenceYear);
}
