/** Failures allowed before an account must wait. */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/**
 * How long an account must wait after its `failures`-th consecutive failure: nothing for the first
 * few, then 30 s doubling up to 15 minutes. A person who mistypes twice never notices; a guesser
 * gets a handful of tries an hour.
 */
export function waitAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS));
}
