/**
 * Money is an integer count of the currency's minor unit (pence, cents; yen have none). Nothing here
 * multiplies or divides an amount: typed text becomes an integer by joining its digits, and an integer
 * becomes text by placing the decimal point in its digits. No float ever holds money.
 */

/** The largest amount we accept anywhere: 10^13 minor units, far above any clinic bill and far below 2^53. */
export const MAX_MINOR = 10_000_000_000_000;

export interface MoneyFormat {
  /** ISO 4217 code, e.g. GBP. */
  currency: string;
  /** Digits of the minor unit: 2 for GBP, 0 for JPY, 3 for KWD (Intl's maximumFractionDigits). */
  digits: number;
  /** BCP 47 locale that decides how amounts are written: en-GB writes 1,234.50, de-DE 1.234,50. */
  locale: string;
}

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency, as Intl knows them. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function moneyFormat(currency: string, locale: string): MoneyFormat {
  return { currency, digits: currencyDigits(currency), locale };
}

interface Separators {
  decimal: string;
  group: string;
  symbol: string;
}

const separatorCache = new Map<string, Separators>();

function separatorsOf(format: MoneyFormat): Separators {
  const key = `${format.locale}|${format.currency}`;
  let found = separatorCache.get(key);
  if (!found) {
    const parts = new Intl.NumberFormat(format.locale, {
      style: 'currency',
      currency: format.currency,
      minimumFractionDigits: 1,
    }).formatToParts('1234567.5');
    found = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      symbol: parts.find((part) => part.type === 'currency')?.value ?? format.currency,
    };
    separatorCache.set(key, found);
  }
  return found;
}

/** The separators a person types for the clinic's locale (the screen can show "use , for decimals"). */
export function typedSeparators(format: MoneyFormat): { decimal: string; group: string } {
  const { decimal, group } = separatorsOf(format);
  return { decimal, group: isSpace(group) ? ' ' : group };
}

const isSpace = (text: string) => /^\s$/u.test(text);

export type ParsedAmount = { ok: true; minor: number } | { ok: false; problem: string };

const DIGITS = /^[0-9]+$/;

/** "12.5", "1,234.50", "£12", "12,50" (in a locale that writes a decimal comma) → minor units. */
export function parseAmount(
  text: string,
  format: MoneyFormat,
  options: { allowNegative?: boolean } = {},
): ParsedAmount {
  const { decimal, group } = separatorsOf(format);
  let rest = text.trim();
  if (rest.length > 40) return { ok: false, problem: 'is too long for an amount' };
  for (const mark of [separatorsOf(format).symbol, format.currency]) rest = rest.split(mark).join('');
  rest = rest.trim();
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('\u2212')) {
    negative = true;
    rest = rest.slice(1).trim();
  }
  if (rest === '') return { ok: false, problem: 'must be an amount such as ' + example(format) };
  if (negative && !options.allowNegative) return { ok: false, problem: 'must not be negative' };
  // Group separators that are spaces (fr-FR, a narrow no-break space) may be typed as a plain space.
  const normalised = isSpace(group) ? rest.replace(/\s/gu, ' ') : rest;
  const groupMark = isSpace(group) ? ' ' : group;
  const pieces = normalised.split(decimal);
  if (pieces.length > 2) return { ok: false, problem: `has more than one decimal separator (${decimal})` };
  const [whole = '', fraction = ''] = pieces;
  if (pieces.length === 2 && fraction === '') return { ok: false, problem: `has nothing after the ${decimal}` };
  const groups = whole.split(groupMark);
  if (groups.some((g) => !DIGITS.test(g))) {
    return { ok: false, problem: `must be written like ${example(format)} (use ${decimal} for decimals)` };
  }
  if (groups.length > 1 && ((groups[0] ?? '').length > 3 || groups.slice(1).some((g) => g.length !== 3))) {
    return { ok: false, problem: `must be written like ${example(format)} (use ${decimal} for decimals)` };
  }
  if (fraction !== '' && !DIGITS.test(fraction)) {
    return { ok: false, problem: `must be written like ${example(format)}` };
  }
  const significant = fraction.replace(/0+$/u, '');
  if (significant.length > format.digits) {
    return {
      ok: false,
      problem:
        format.digits === 0
          ? `${format.currency} has no minor unit: give a whole amount`
          : `must have at most ${format.digits} decimal places`,
    };
  }
  const digits = (groups.join('') + significant.padEnd(format.digits, '0')).replace(/^0+(?=\d)/u, '');
  if (digits.length > 14) return { ok: false, problem: 'is too large' };
  let minor = 0;
  for (const c of digits) minor = minor * 10 + (c.charCodeAt(0) - 48);
  if (minor > MAX_MINOR) return { ok: false, problem: 'is too large' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/** A BigInt product brought back to a safe integer (exact below 2^53; refused above). */
export function bigToMinor(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new Error('An amount went past what can be counted exactly');
  return Number(value); // money-ok: an exact integer conversion, checked above
}

/** The digits of an integer amount with the decimal point placed: 123456 with 2 digits → "1234.56". */
export function decimalString(minor: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(minor)) throw new Error(`Money must be a whole number of minor units, not ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${text}` as `${number}`;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` as `${number}`;
}

const formatterCache = new Map<string, Intl.NumberFormat>();

function formatter(format: MoneyFormat, style: 'currency' | 'decimal'): Intl.NumberFormat {
  const key = `${format.locale}|${format.currency}|${style}`;
  let made = formatterCache.get(key);
  if (!made) {
    made = new Intl.NumberFormat(format.locale, {
      style,
      ...(style === 'currency' ? { currency: format.currency } : {}),
      minimumFractionDigits: format.digits,
      maximumFractionDigits: format.digits,
    });
    formatterCache.set(key, made);
  }
  return made;
}

/** "£1,234.50" in the clinic's locale. Intl gets the exact decimal string, never a float. */
export function formatMoney(minor: number, format: MoneyFormat): string {
  return formatter(format, 'currency').format(decimalString(minor, format.digits));
}

/** "1,234.50": what an amount field shows for editing, in the clinic's locale. */
export function formatAmount(minor: number, format: MoneyFormat): string {
  return formatter(format, 'decimal').format(decimalString(minor, format.digits));
}

function example(format: MoneyFormat): string {
  return formatAmount(123450, format);
}
