import { patientCreateInput, type PatientCreateInput } from '../../../../src-shared/api/areas/patients';
import type { CsvDateFormat } from '../../../../src-shared/interop/csv-import';
import type { PhoneKind } from '../../../../src-shared/patients/model';
import { isPlausiblePhone } from '../../../../src-shared/patients/phones';
import { dateOf } from './dates';
import type { MappedRow } from './row';

/** A patients row as the registration form's fields, with every problem named by its column. */

const SEX_WORDS: Record<string, PatientCreateInput['sex']> = {
  f: 'female',
  female: 'female',
  woman: 'female',
  m: 'male',
  male: 'male',
  man: 'male',
  i: 'intersex',
  intersex: 'intersex',
  u: 'unknown',
  unknown: 'unknown',
  other: 'unknown',
};

const PHONE_FIELDS: [string, PhoneKind][] = [
  ['mobilePhone', 'mobile'],
  ['homePhone', 'home'],
  ['workPhone', 'work'],
];

const ADDRESS_FIELDS: Record<string, string> = {
  line1: 'addressLine1',
  line2: 'addressLine2',
  city: 'city',
  region: 'region',
  postalCode: 'postalCode',
  country: 'country',
};

export function patientLabelOf(row: MappedRow): string {
  return [row.value('firstName'), row.value('lastName')].filter(Boolean).join(' ') || `Row ${row.row}`;
}

/** The desk field a registration-form issue path points at, to name the column. */
function fieldOfPath(path: PropertyKey[], phoneFields: string[]): string {
  const [head, index] = path;
  if (head === 'phones' && typeof index === 'number') return phoneFields[index] ?? 'mobilePhone';
  if (head === 'address' && typeof index === 'string') return ADDRESS_FIELDS[index] ?? 'addressLine1';
  return String(head ?? 'firstName');
}

export function mapPatientRow(row: MappedRow, dateFormat: CsvDateFormat): PatientCreateInput | null {
  for (const field of ['firstName', 'lastName', 'dob'])
    if (!row.value(field))
      row.fail(field, row.isMapped(field) ? 'is empty; the desk needs it' : 'no column is mapped to it');
  const rawDob = row.value('dob');
  const dob = rawDob ? dateOf(rawDob, dateFormat) : null;
  if (rawDob && !dob) row.fail('dob', `"${rawDob}" is not a date written as ${dateFormat}`);
  const rawSex = row.value('sex');
  const sex = rawSex ? SEX_WORDS[rawSex.toLowerCase()] : 'unknown';
  if (!sex) row.fail('sex', `"${rawSex ?? ''}" is not a sex the desk knows (female, male, intersex, unknown)`);
  const phoneFields: string[] = [];
  const phones: PatientCreateInput['phones'] = [];
  for (const [field, kind] of PHONE_FIELDS) {
    const number = row.value(field);
    if (!number) continue;
    if (!isPlausiblePhone(number)) {
      row.fail(field, `"${number}" is not a phone number`);
      continue;
    }
    phoneFields.push(field);
    phones.push({ number, kind, isPrimary: phones.length === 0 });
  }
  if (row.errors.length > 0 || !dob) return null;
  const draft = {
    firstName: row.value('firstName'),
    middleName: row.value('middleName') ?? null,
    lastName: row.value('lastName'),
    preferredName: row.value('preferredName') ?? null,
    dob,
    sex: sex ?? 'unknown',
    email: row.value('email') ?? null,
    address: {
      line1: row.value('addressLine1') ?? null,
      line2: row.value('addressLine2') ?? null,
      city: row.value('city') ?? null,
      region: row.value('region') ?? null,
      postalCode: row.value('postalCode') ?? null,
      country: row.value('country') ?? null,
    },
    preferredLanguage: row.value('preferredLanguage') ?? null,
    notes: row.value('notes') ?? null,
    deceasedDate: null,
    phones,
    contacts: [],
    notDuplicateOf: [],
  };
  const parsed = patientCreateInput.safeParse(draft);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) row.fail(fieldOfPath(issue.path, phoneFields), issue.message);
  return null;
}
