import {
  MERGE_FIELDS,
  type MergeChoice,
  type MergeField,
  type PatientRecord,
} from '../../../../src-shared/patients/model';
import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import { formatDate } from '../../../../src-shared/patients/dates';
import { i18next } from '../../i18n';

export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  get firstName() {
    return i18next.t('patients:merge-fields.firstName');
  },
  get middleName() {
    return i18next.t('patients:merge-fields.middleName');
  },
  get lastName() {
    return i18next.t('patients:merge-fields.lastName');
  },
  get preferredName() {
    return i18next.t('patients:merge-fields.preferredName');
  },
  get dob() {
    return i18next.t('patients:merge-fields.dateOfBirth');
  },
  get sex() {
    return i18next.t('patients:merge-fields.sex');
  },
  get genderIdentity() {
    return i18next.t('patients:merge-fields.genderIdentity');
  },
  get email() {
    return i18next.t('patients:merge-fields.email');
  },
  get address() {
    return i18next.t('patients:merge-fields.address');
  },
  get preferredLanguage() {
    return i18next.t('patients:merge-fields.preferredLanguage');
  },
  get nationalId() {
    return i18next.t('patients:merge-fields.nationalId');
  },
  get notes() {
    return i18next.t('patients:merge-fields.notes');
  },
  get deceasedDate() {
    return i18next.t('patients:merge-fields.dateOfDeath');
  },
};

/** A merge field as the screen shows it ('' when blank); the national id only ever masked. */
export function mergeValue(record: PatientRecord, field: MergeField, format: DateFormat): string {
  switch (field) {
    case 'dob':
      return formatDate(record.dob, format);
    case 'deceasedDate':
      return record.deceasedDate ? formatDate(record.deceasedDate, format) : '';
    case 'address':
      return [
        record.address.line1,
        record.address.line2,
        record.address.city,
        record.address.region,
        record.address.postalCode,
        record.address.country,
      ]
        .filter(Boolean)
        .join(', ');
    case 'nationalId':
      return record.nationalIdMasked ?? '';
    case 'sex':
      return record.sex;
    default:
      return record[field] ?? '';
  }
}

export type Side = 'a' | 'b';

/** Default picks: the kept record's value, or the other's where the kept one is blank (nothing known is lost by default). */
export function defaultPicks(
  a: PatientRecord,
  b: PatientRecord,
  kept: Side,
  format: DateFormat,
): Record<MergeField, Side> {
  const other: Side = kept === 'a' ? 'b' : 'a';
  const records = { a, b };
  return Object.fromEntries(
    MERGE_FIELDS.map((field) => {
      const keptValue = mergeValue(records[kept], field, format);
      const otherValue = mergeValue(records[other], field, format);
      const isBlank = (value: string) => value === '' || (field === 'sex' && value === 'unknown');
      return [field, isBlank(keptValue) && !isBlank(otherValue) ? other : kept];
    }),
  ) as Record<MergeField, Side>;
}

/** The procedure's choices, relative to the kept record. */
export function choicesFor(picks: Record<MergeField, Side>, kept: Side): Partial<Record<MergeField, MergeChoice>> {
  return Object.fromEntries(MERGE_FIELDS.map((field) => [field, picks[field] === kept ? 'survivor' : 'merged']));
}
