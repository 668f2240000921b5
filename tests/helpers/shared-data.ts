import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared test data no one here wrote (Synthea, HL7 examples, iCalendar samples), beside the project. */
export const SHARED_DATA = resolve(import.meta.dirname, '../../../shared/data');

/** Whether `part` of it is here; when not, says so, as a test needing an absent service does, and the caller skips. */
export function sharedDataHere(part: string, test: string): boolean {
  const folder = join(SHARED_DATA, part);
  if (existsSync(folder)) return true;
  console.log(`${test}: skipped, the shared test data is not at ${folder}`);
  return false;
}
