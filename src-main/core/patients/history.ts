import type { PatientHistoryEntry } from '../../../src-shared/patients/model';
import { ALLERGY_REMOVAL_LABELS, ALLERGY_REMOVAL_REASONS } from '../../../src-shared/patients/model';
import { contract, isProcedureName } from '../../../src-shared/api/contract';
import type { ReadDb } from '../db/handles';
import { mrnsOf, patientAuditRows, type HistoryRow } from './history-repository';

/**
 * A patient's history of changes, read from the audit log (every write names its target patient, so
 * the log already is the change table, tamper-evident too). Only successful writes are listed — who
 * opened the chart is for the audit screen, not the summary. Merges, un-merges and "not the same
 * person" are audited on one of the two records; they are also found for the other through the id in
 * their details.
 */

/** The audit detail that names the other patient of a two-patient action. */
const OTHER_PATIENT: Record<string, string> = {
  'patients.merge': 'mergedId',
  'patients.unmerge': 'restoredId',
  'patients.markNotDuplicate': 'notDuplicateOf',
};

const WRITES = Object.entries(contract)
  .filter(([, def]) => def.kind === 'write')
  .map(([name]) => name);

const COLUMN_LABELS: Record<string, string> = {
  first_name: 'first name',
  middle_name: 'middle name',
  last_name: 'last name',
  preferred_name: 'preferred name',
  dob: 'date of birth',
  sex: 'sex',
  gender_identity: 'gender identity',
  email: 'email',
  address_line1: 'address',
  address_line2: 'address',
  city: 'address',
  region: 'address',
  postal_code: 'address',
  country: 'address',
  preferred_language: 'preferred language',
  national_id: 'national id',
  notes: 'notes',
  deceased_date: 'date of death',
  active: 'active',
  phones: 'phones',
  contacts: 'contacts',
};

const FIELD_LABELS: Record<string, string> = {
  firstName: 'first name',
  middleName: 'middle name',
  lastName: 'last name',
  preferredName: 'preferred name',
  dob: 'date of birth',
  genderIdentity: 'gender identity',
  preferredLanguage: 'preferred language',
  nationalId: 'national id',
  deceasedDate: 'date of death',
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function removalLabel(reason: unknown): string {
  const known = ALLERGY_REMOVAL_REASONS.find((candidate) => candidate === reason);
  return known ? ALLERGY_REMOVAL_LABELS[known].toLowerCase() : 'no reason recorded';
}

function describe(
  row: HistoryRow,
  patientId: string,
  details: Record<string, unknown>,
  mrns: Map<string, string>,
): string {
  const mrnOf = (key: string) => mrns.get(text(details[key])) ?? 'another record';
  switch (row.action) {
    case 'patients.create':
      return 'Registered';
    case 'patients.update': {
      const changed = [
        ...new Set(
          strings(details.changed).flatMap((column) =>
            column in COLUMN_LABELS ? [COLUMN_LABELS[column] ?? column] : [],
          ),
        ),
      ];
      const confirmed = strings(details.confirmedNotDuplicateOf).length > 0 ? '; confirmed not a duplicate' : '';
      return changed.length > 0 ? `Changed ${changed.join(', ')}${confirmed}` : `Saved with no change${confirmed}`;
    }
    case 'patients.saveContacts':
      return 'Changed emergency contacts and guarantor';
    case 'patients.addAllergy':
    case 'intake.addAllergy':
      return 'Added an allergy';
    case 'patients.removeAllergy':
    case 'intake.removeAllergy':
      return `Took an allergy off the record (${removalLabel(details.reason)})`;
    case 'patients.addAlert':
      return 'Added an alert';
    case 'patients.addInsurance':
      return `Added ${text(details.priority) || 'an'} insurance policy`;
    case 'patients.merge': {
      if (row.target_id !== patientId) return `Merged into ${mrns.get(row.target_id ?? '') ?? 'another record'}`;
      const fields = details.fields && typeof details.fields === 'object' ? Object.entries(details.fields) : [];
      const taken = fields.filter(([, choice]) => choice === 'merged').map(([field]) => FIELD_LABELS[field] ?? field);
      return `Merged ${mrnOf('mergedId')} into this record${taken.length > 0 ? ` (taking its ${taken.join(', ')})` : ''}`;
    }
    case 'patients.unmerge':
      return row.target_id !== patientId
        ? `Un-merged from ${mrns.get(row.target_id ?? '') ?? 'another record'}: restored as it was`
        : `Un-merged ${mrnOf('restoredId')}: both records restored as they were`;
    case 'patients.markNotDuplicate':
      return `Marked as not the same person as ${row.target_id !== patientId ? (mrns.get(row.target_id ?? '') ?? 'another record') : mrnOf('notDuplicateOf')}`;
    case 'patients.setPhoto':
      return 'Changed the photo';
    case 'patients.removePhoto':
      return 'Removed the photo';
    case 'documents.add':
      return `Added a document (${text(details.kind).replace(/_/g, ' ') || 'file'})`;
    case 'documents.remove':
      return 'Removed a document';
    case 'consents.record':
      return `Recorded consent (${text(details.kind).replace(/_/g, ' ') || 'consent'})`;
    case 'consents.revoke':
      return 'Revoked a consent';
    default:
      return row.action;
  }
}

export async function patientHistory(
  db: ReadDb,
  input: { patientId: string; beforeSeq?: number | undefined; limit: number },
): Promise<{ entries: PatientHistoryEntry[]; nextBeforeSeq: number | null }> {
  const before = input.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  const rows = await patientAuditRows(db, {
    patientId: input.patientId,
    beforeSeq: before,
    limit: input.limit + 1,
    writes: WRITES.filter(isProcedureName),
    otherPatient: OTHER_PATIENT,
  });
  const page = rows.slice(0, input.limit);
  const parsed = page.map((row) => ({
    row,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {},
  }));
  const ids = new Set<string>();
  for (const { row, details } of parsed) {
    if (row.target_id) ids.add(row.target_id);
    for (const key of Object.values(OTHER_PATIENT)) if (typeof details[key] === 'string') ids.add(details[key]);
  }
  const mrns = await mrnsOf(db, [...ids]);
  return {
    entries: parsed.map(({ row, details }) => ({
      seq: row.seq,
      at: row.created_at,
      by: row.display_name ?? row.actor_username,
      action: row.action,
      description: describe(row, input.patientId, details, mrns),
    })),
    nextBeforeSeq: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}
