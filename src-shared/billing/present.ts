/** A value the code just made or read must be there; a missing one is a bug, reported as such. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Billing: ${what} is missing`);
  return value;
}
