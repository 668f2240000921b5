import type { Input } from '../../../../src-shared/api/contract';
import { PHONE_KINDS, type PhoneKind, type PatientRecord, type Sex } from '../../../../src-shared/patients/model';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import { formatDate, parseDateInput } from '../../../../src-shared/patients/dates';

/** The most phones a record holds (the contract refuses more). */
export const MAX_PHONES = 6;

/** One row of the phones editor. `key` names the row on screen (the phone's id once saved). */
export interface PhoneRow {
  key: string;
  /** The stored phone this row edits; absent for a phone added in this form. */
  id?: string;
  kind: PhoneKind;
  number: string;
  isPrimary: boolean;
}

/** The registration form's values as typed, shared by registering and editing. */
export interface PatientFormValues {
  firstName: string;
  middleName: string;
  lastName: string;
  preferredName: string;
  dob: string;
  sex: Sex;
  genderIdentity: string;
  phones: PhoneRow[];
  email: string;
  nationalId: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  preferredLanguage: string;
  notes: string;
  deceasedDate: string;
  /** Shown (and sent) only when editing: a new patient is active. */
  active: boolean;
}

/** The text fields, each edited by one input (and named so in errors). */
export type PatientTextField = Exclude<keyof PatientFormValues, 'phones' | 'active' | 'sex'>;

/** A new patient: one mobile row ready to type into, primary unless another is chosen. */
export const EMPTY_FORM: PatientFormValues = {
  firstName: '',
  middleName: '',
  lastName: '',
  preferredName: '',
  dob: '',
  sex: 'unknown',
  genderIdentity: '',
  phones: [{ key: 'new-1', kind: 'mobile', number: '', isPrimary: true }],
  email: '',
  nationalId: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
  preferredLanguage: '',
  notes: '',
  deceasedDate: '',
  active: true,
};

/** The form as loaded for editing; dates shown in the clinic's format. The national id stays blank: it is only ever shown masked. */
export function formFromRecord(record: PatientRecord, format: DateFormat): PatientFormValues {
  return {
    firstName: record.firstName,
    middleName: record.middleName ?? '',
    lastName: record.lastName,
    preferredName: record.preferredName ?? '',
    dob: formatDate(record.dob, format),
    sex: record.sex,
    genderIdentity: record.genderIdentity ?? '',
    phones: record.phones.map((phone) => ({
      key: phone.id,
      id: phone.id,
      kind: phone.kind,
      number: phone.number,
      isPrimary: phone.isPrimary,
    })),
    email: record.email ?? '',
    nationalId: '',
    line1: record.address.line1 ?? '',
    line2: record.address.line2 ?? '',
    city: record.address.city ?? '',
    region: record.address.region ?? '',
    postalCode: record.address.postalCode ?? '',
    country: record.address.country ?? '',
    preferredLanguage: record.preferredLanguage ?? '',
    notes: record.notes ?? '',
    deceasedDate: record.deceasedDate ? formatDate(record.deceasedDate, format) : '',
    active: record.active,
  };
}

/**
 * The rows with one more, blank: the first kind not yet used (mobile, home, work, then mobile), with a
 * key no row has; primary when no row is.
 */
export function withNewPhone(rows: readonly PhoneRow[]): PhoneRow[] {
  const kind = PHONE_KINDS.find((candidate) => !rows.some((row) => row.kind === candidate)) ?? 'mobile';
  let n = rows.length + 1;
  while (rows.some((row) => row.key === `new-${n}`)) n += 1;
  return [...rows, { key: `new-${n}`, kind, number: '', isPrimary: !rows.some((row) => row.isPrimary) }];
}

/** The rows without the one keyed `key`; when it was the primary, the first row left becomes primary. */
export function withoutPhone(rows: readonly PhoneRow[], key: string): PhoneRow[] {
  const removed = rows.find((row) => row.key === key);
  const left = rows.filter((row) => row.key !== key);
  if (!removed?.isPrimary || left.some((row) => row.isPrimary)) return left;
  return left.map((row, index) => (index === 0 ? { ...row, isPrimary: true } : row));
}

/** The rows with `key` the only primary. */
export function withPrimaryPhone(rows: readonly PhoneRow[], key: string): PhoneRow[] {
  return rows.map((row) => ({ ...row, isPrimary: row.key === key }));
}

type PhoneInput = NonNullable<Input<'patients.create'>['phones']>[number];

/**
 * The phones to save, and the row each position came from (main names errors `phones.N.number` by
 * position). Rows left blank are not sent; a stored phone keeps its id; a removed one is simply
 * absent, which main takes as removing it. When the primary row is blank, none is marked and main
 * makes the first phone primary.
 */
export function phonesFrom(values: Pick<PatientFormValues, 'phones'>): { phones: PhoneInput[]; rowKeys: string[] } {
  const sent = values.phones.filter((row) => row.number.trim() !== '');
  return {
    phones: sent.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      kind: row.kind,
      number: row.number,
      isPrimary: row.isPrimary,
    })),
    rowKeys: sent.map((row) => row.key),
  };
}

export type AddressValues = Pick<PatientFormValues, 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country'>;

/** The address as create, update and the duplicate check take it: blank fields as null. */
export function addressFrom(values: AddressValues) {
  const blankToNull = (text: string) => (text.trim() ? text : null);
  return {
    line1: blankToNull(values.line1),
    line2: blankToNull(values.line2),
    city: blankToNull(values.city),
    region: blankToNull(values.region),
    postalCode: blankToNull(values.postalCode),
    country: blankToNull(values.country),
  };
}

/** The fields create and update share, from the typed values; dates that do not parse go as typed (main refuses them by name). */
function sharedFields(values: PatientFormValues, format: DateFormat) {
  const blankToNull = (text: string) => (text.trim() ? text : null);
  return {
    firstName: values.firstName,
    middleName: blankToNull(values.middleName),
    lastName: values.lastName,
    preferredName: blankToNull(values.preferredName),
    dob: parseDateInput(values.dob, format) ?? values.dob,
    sex: values.sex,
    genderIdentity: blankToNull(values.genderIdentity),
    email: blankToNull(values.email),
    phones: phonesFrom(values).phones,
    address: addressFrom(values),
    preferredLanguage: blankToNull(values.preferredLanguage),
    notes: blankToNull(values.notes),
    deceasedDate: values.deceasedDate.trim()
      ? (parseDateInput(values.deceasedDate, format) ?? values.deceasedDate)
      : null,
    nationalId: values.nationalId.trim() ? values.nationalId : undefined,
  };
}

/** `patients.create` from the registration form. */
export function createInputFrom(
  values: PatientFormValues,
  format: DateFormat,
  notDuplicateOf: readonly string[],
): Input<'patients.create'> {
  return { ...sharedFields(values, format), notDuplicateOf: [...notDuplicateOf] };
}

/**
 * `patients.update` from the edit form: carries the updatedAt the record was loaded with; contacts
 * are edited on the summary, so they go back as they were; the national id only when typed.
 */
export function updateInputFrom(
  values: PatientFormValues,
  format: DateFormat,
  record: PatientRecord,
  notDuplicateOf: readonly string[],
): Input<'patients.update'> {
  return {
    ...sharedFields(values, format),
    patientId: record.id,
    expectedUpdatedAt: record.updatedAt,
    active: values.active,
    contacts: record.contacts.map((contact) => ({ ...contact })),
    notDuplicateOf: [...notDuplicateOf],
  };
}

/** Where the form shows an error: a text field's name, or a phone row's `phone:<key>.<part>`. */
export const phoneErrorName = (key: string, part: 'number' | 'kind' | 'isPrimary') => `phone:${key}.${part}`;

/**
 * Main's field paths (`address.region`, `phones.1.number`) → the names the form shows them under.
 * `rowKeys` is what {@link phonesFrom} returned for the values sent. Paths the form has no place for
 * (`phones` itself, `contacts.0.name`) are left in `unplaced`, for the message by the button.
 */
export function formErrorsFrom(
  fields: Record<string, string>,
  rowKeys: readonly string[],
): { byName: Record<string, string>; unplaced: string[] } {
  const byName: Record<string, string> = {};
  const unplaced: string[] = [];
  const textFields = new Set<string>(Object.keys(EMPTY_FORM).filter((name) => name !== 'phones' && name !== 'active'));
  for (const [path, problem] of Object.entries(fields)) {
    const phone = /^phones\.(\d+)\.(number|kind|isPrimary)$/.exec(path);
    const address = /^address\.(\w+)$/.exec(path);
    const rowKey = phone ? rowKeys[Number(phone[1])] : undefined;
    if (phone && rowKey !== undefined)
      byName[phoneErrorName(rowKey, phone[2] as 'number' | 'kind' | 'isPrimary')] = problem;
    else if (address?.[1] && textFields.has(address[1])) byName[address[1]] = problem;
    else if (textFields.has(path)) byName[path] = problem;
    else unplaced.push(path);
  }
  return { byName, unplaced };
}
