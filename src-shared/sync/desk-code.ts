/**
 * Desk codes (issue 17, "numbers people read"): the sync server numbers a clinic's devices in the order
 * they enrol and gives each a short code, 1 → A, 26 → Z, 27 → AA, … (bijective base 26), never reused.
 * Every MRN an enrolled desk gives carries its code, and its invoice series prefix starts with it, so
 * two desks working offline never hand out the same number.
 */
export function deskCodeOf(ordinal: number): string {
  if (!Number.isSafeInteger(ordinal) || ordinal < 1) throw new Error(`no desk code for ${ordinal}`);
  let n = ordinal;
  let code = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    code = String.fromCharCode(65 + rest) + code;
    n = Math.floor((n - 1) / 26);
  }
  return code;
}

/** A desk code: one to four capital letters. */
export const DESK_CODE = /^[A-Z]{1,4}$/;

/**
 * An enrolled desk's invoice series prefix is its desk code, optionally followed by digits ("B", "B26"):
 * letters end where digits start, so no two desks' prefixes can be equal.
 */
export function seriesPrefixFits(prefix: string, deskCode: string): boolean {
  return prefix.startsWith(deskCode) && /^[0-9]*$/.test(prefix.slice(deskCode.length));
}
