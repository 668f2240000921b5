import type { PatientSearchRow, Sex } from '../../../src-shared/patients/model';
import { ageOn } from '../../../src-shared/patients/dates';
import { displayName } from '../../../src-shared/patients/names';
import type { PatientRow } from '../db/schema';

/** A patient as a search result shows them (search, the duplicate check and the duplicate finder). */
export type DisplayRow = Pick<
  PatientRow,
  | 'id'
  | 'mrn'
  | 'first_name'
  | 'middle_name'
  | 'last_name'
  | 'preferred_name'
  | 'dob'
  | 'sex'
  | 'active'
  | 'deceased_date'
  | 'deceased_at'
> & { key: number; phone: string | null };

export function toSearchRow(
  row: Omit<DisplayRow, 'key'>,
  today: string,
  matchedOn: PatientSearchRow['matchedOn'],
): PatientSearchRow {
  const person = {
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
  };
  return {
    id: row.id,
    mrn: row.mrn,
    name: displayName(person),
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    dob: row.dob,
    age: ageOn(row.dob, row.deceased_date ?? today),
    sex: row.sex as Sex,
    phone: row.phone,
    active: row.active === 1,
    deceased: row.deceased_date !== null || row.deceased_at !== null,
    matchedOn,
  };
}
