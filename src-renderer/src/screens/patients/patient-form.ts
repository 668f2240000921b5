import type { Input } from '../../../../src-shared/api/contract';
import type { PatientPhone, PatientRecord, Sex } from '../../../../src-shared/api/areas/patients';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import { formatDate, parseDateInput } from '../../../../src-shared/patients/dates';

/** The registration form's values as typed (all text), shared by registering and editing. */
export interface PatientFormValues {
  firstName: string;
  middleName: string;
  lastName: string;
  preferredName: string;
  dob: string;
  sex: Sex;
  mobile: string;
  home: string;
  email: string;
  nationalId: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  preferredLanguage: string;
  notes: string;
  deceasedDate: string;
}

export const EMPTY_FORM: PatientFormValues = {
  firstName: '',
  middleName: '',
  lastName: '',
  preferredName: '',
  dob: '',
  sex: 'unknown',
  mobile: '',
  home: '',
  email: '',
  nationalId: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  preferredLanguage: '',
  notes: '',
  deceasedDate: '',
};

const firstOfKind = (phones: readonly PatientPhone[], kind: PatientPhone['kind']) => phones.find((phone) => phone.kind === kind);

/** The form as loaded for editing; dates shown in the clinic's format. The national id stays blank: it is only ever shown masked. */
export function formFromRecord(record: PatientRecord, format: DateFormat): PatientFormValues {
  return {
    firstName: record.firstName,
    middleName: record.middleName ?? '',
    lastName: record.lastName,
    preferredName: record.preferredName ?? '',
    dob: formatDate(record.dob, format),
    sex: record.sex,
    mobile: firstOfKind(record.phones, 'mobile')?.number ?? '',
    home: firstOfKind(record.phones, 'home')?.number ?? '',
    email: record.email ?? '',
    nationalId: '',
    line1: record.address.line1 ?? '',
    line2: record.address.line2 ?? '',
    city: record.address.city ?? '',
    postalCode: record.address.postalCode ?? '',
    preferredLanguage: record.preferredLanguage ?? '',
    notes: record.notes ?? '',
    deceasedDate: record.deceasedDate ? formatDate(record.deceasedDate, format) : '',
  };
}

type PhoneInput = NonNullable<Input<'patients.create'>['phones']>[number];

/**
 * The phones to save, and which form field each position came from (to put `phones.N.number`
 * errors under the right field). The mobile and home fields edit the first phone of their kind;
 * any other phones on the record are kept as they are, and the primary stays where it was.
 */
export function phonesFrom(values: PatientFormValues, existing: readonly PatientPhone[]): { phones: PhoneInput[]; fields: string[] } {
  const phones: PhoneInput[] = [];
  const fields: string[] = [];
  const mobile = firstOfKind(existing, 'mobile');
  const home = firstOfKind(existing, 'home');
  const primaryId = existing.find((phone) => phone.isPrimary)?.id;
  if (values.mobile.trim()) {
    phones.push({ id: mobile?.id, kind: 'mobile', number: values.mobile, isPrimary: mobile !== undefined && mobile.id === primaryId });
    fields.push('mobile');
  }
  if (values.home.trim()) {
    phones.push({ id: home?.id, kind: 'home', number: values.home, isPrimary: home !== undefined && home.id === primaryId });
    fields.push('home');
  }
  for (const phone of existing) {
    if (phone.id === mobile?.id || phone.id === home?.id) continue;
    phones.push({ id: phone.id, kind: phone.kind, number: phone.number, isPrimary: phone.isPrimary });
    fields.push(`phone ${phone.number}`);
  }
  // A new patient's first phone (the mobile when given) is primary; main picks the first when none is marked.
  return { phones, fields };
}

/** The fields create and update share, from the typed values; null where a date does not parse (the caller refuses first). */
export function fieldsFrom(values: PatientFormValues, format: DateFormat, record: PatientRecord | null) {
  const blankToNull = (text: string) => (text.trim() ? text : null);
  const { phones, fields } = phonesFrom(values, record?.phones ?? []);
  return {
    phoneFields: fields,
    input: {
      firstName: values.firstName,
      middleName: blankToNull(values.middleName),
      lastName: values.lastName,
      preferredName: blankToNull(values.preferredName),
      dob: parseDateInput(values.dob, format) ?? values.dob,
      sex: values.sex,
      email: blankToNull(values.email),
      phones,
      // Region and country have no field yet: an edit keeps them as they were.
      address: { region: record?.address.region ?? null, country: record?.address.country ?? null, line1: blankToNull(values.line1), line2: blankToNull(values.line2), city: blankToNull(values.city), postalCode: blankToNull(values.postalCode) },
      preferredLanguage: blankToNull(values.preferredLanguage),
      notes: blankToNull(values.notes),
      deceasedDate: values.deceasedDate.trim() ? (parseDateInput(values.deceasedDate, format) ?? values.deceasedDate) : null,
      nationalId: values.nationalId.trim() ? values.nationalId : undefined,
    },
  };
}
