/**
 * Phone numbers are stored "E.164-ish": '+' and the digits when the country is known (typed with
 * + or 00, or the clinic has a default calling code), else the national digits as typed. Matching
 * two numbers compares their last {@link PHONE_TAIL_DIGITS} digits, so +44 7700 900123 and
 * 07700 900123 are the same phone. Pure, for the renderer and main alike.
 */

export const PHONE_MIN_DIGITS = 6;
export const PHONE_MAX_DIGITS = 15;
export const PHONE_TAIL_DIGITS = 9;

const ALLOWED = /^\+?[\d\s().\-/]*$/;

export function phoneDigits(text: string): string {
  return text.replace(/\D+/g, '');
}

/** Digits, spaces, dashes, dots, slashes and brackets with an optional leading +; 6 to 15 digits. */
export function isPlausiblePhone(text: string): boolean {
  const value = text.trim();
  if (!ALLOWED.test(value)) return false;
  let digits = phoneDigits(value);
  if (!value.startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
  return digits.length >= PHONE_MIN_DIGITS && digits.length <= PHONE_MAX_DIGITS;
}

/**
 * "+44 (0)7700 900-123" -> "+447700900123"; "07700 900123" with calling code "44" -> "+447700900123";
 * without a calling code -> "07700900123".
 */
export function normalisePhone(text: string, callingCode: string | null): string {
  const value = text.trim();
  const digits = phoneDigits(value.replace(/\(0\)/g, ''));
  if (value.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (callingCode) return `+${callingCode}${digits.replace(/^0/, '')}`;
  return digits;
}

/** What two numbers are compared by: their last nine digits. */
export function phoneTail(normalised: string): string {
  return phoneDigits(normalised).slice(-PHONE_TAIL_DIGITS);
}

/**
 * Digits to look for inside stored numbers when a phone is typed into search: international
 * prefixes and trunk zeros dropped, since stored numbers may carry a country code.
 */
export function phoneSearchDigits(text: string): string {
  const digits = phoneDigits(text);
  return digits.replace(/^0+/, '');
}

/** The digits backwards: the end of a number becomes a prefix, which one B-tree range can find. */
export function reversedDigits(text: string): string {
  return phoneDigits(text).split('').reverse().join('');
}
