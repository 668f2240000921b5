import type { BackupTables } from './schema-backups';
import type { BillingTables } from './schema-billing';
import type { DeskWorkTables } from './schema-desk-work';
import type { DocumentTables } from './schema-documents';
import type { ReferralTables } from './schema-referrals';
import type { ReminderTables } from './schema-reminders';
import type { SyncTables } from './schema-sync';
import type { SchedulingTables } from './schema-scheduling';
import type {
  LocationsTable,
  RoomsTable,
  ProvidersTable,
  AppointmentTypesTable,
  AvailabilityTemplatesTable,
  AvailabilityExceptionsTable,
  ClinicHolidaysTable,
  AppointmentsTable,
  AppointmentSeriesTable,
  WaitlistEntriesTable,
} from './schema-scheduling';
import type { StockTables } from './schema-stock';
import type { VisitTables } from './schema-visits';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Instants are epoch milliseconds (UTC) throughout the schema. */
export type EpochMs = number;

export interface ClinicSettingsTable {
  id: number;
  clinic_name: string;
  time_zone: string;
  currency: string;
  lock_timeout_minutes: Generated<number>;
  date_format: Generated<string>;
  country: string | null;
  time_format: Generated<string>;
  week_start: Generated<number>;
  phone_region: string | null;
  no_show_grace_minutes: Generated<number>;
  provider_step: Generated<number>;
  /** 'en' | 'es': the screens' language (migration 0028). */
  language: Generated<string>;
  /** 1: calendar feeds name the patient (migration 0032); 0: "Booked" and the type only. */
  calendar_feed_patient_names: Generated<number>;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface RolesTable {
  id: string;
  label: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface RolePermissionsTable {
  role_id: string;
  permission: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role_id: string;
  password_hash: string;
  password_changed_at: EpochMs;
  disabled_at: EpochMs | null;
  failed_login_count: Generated<number>;
  login_blocked_until: EpochMs | null;
  last_login_at: EpochMs | null;
  /** 'en' | 'es', or null for the clinic's language (migration 0028). */
  language: Generated<string | null>;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/**
 * The audit log's filter columns, filled from `audit_log` in batches (migration 0040,
 * audit/lookup-repository.ts); entries past its last seq are read from the log itself.
 */
export interface AuditLookupTable {
  seq: number;
  created_at: EpochMs;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'ok' | 'denied' | 'failed';
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  created_at: EpochMs;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  details: string | null;
  prev_hash: string;
  hash: string;
  /** The unkeyed link other desks and the server check (migration 0035; src-shared/audit/device-chain.ts). */
  link: string | null;
}

/** Other devices' audit chains as they arrived (migration 0035): a synced ledger keyed (device_id, seq). */
export interface AuditChainsTable {
  device_id: string;
  seq: number;
  id: string;
  created_at: EpochMs;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  details: string | null;
  prev_hash: string;
  hash: string;
  link: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: EpochMs;
}

export interface PatientSettingsTable {
  id: number;
  mrn_prefix: Generated<string>;
  mrn_digits: Generated<number>;
  mrn_next: Generated<number>;
  default_calling_code: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** Calendar dates ('YYYY-MM-DD') are text. */
export interface PatientsTable {
  id: string;
  mrn: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  dob: string;
  sex: string;
  gender_identity: string | null;
  email: string | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  preferred_language: string | null;
  national_id: string | null;
  notes: string | null;
  deceased_date: string | null;
  deceased_at: EpochMs | null;
  active: number;
  merged_into_id: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface PatientPhonesTable {
  id: string;
  patient_id: string;
  kind: string;
  number: string;
  tail: string;
  is_primary: number;
  position: number;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface PatientContactsTable {
  id: string;
  patient_id: string;
  kind: string;
  name: string;
  relationship: string | null;
  phone: string | null;
  email: string | null;
  position: number;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface PatientAllergiesTable {
  id: string;
  patient_id: string;
  substance: string;
  reaction: string | null;
  severity: string;
  recorded_by: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface PatientAlertsTable {
  id: string;
  patient_id: string;
  kind: string;
  text: string;
  recorded_by: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface PatientInsuranceTable {
  id: string;
  patient_id: string;
  payer: string;
  plan: string | null;
  member_id: string;
  group_number: string | null;
  holder_name: string | null;
  holder_relationship: string;
  priority: string;
  effective_date: string | null;
  termination_date: string | null;
  last_verified_date: string | null;
  /** The policy's terms when the desk knows them (migration 0025): copay per visit, deductible per year, coinsurance. */
  copay_minor: number | null;
  deductible_minor: number | null;
  coinsurance_ppm: number | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  deleted_at: EpochMs | null;
}

export interface PatientNotDuplicatesTable {
  patient_a: string;
  patient_b: string;
  decided_by: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** Reversible merges (migration 0004): both patient rows and every moved row, as JSON, for the un-merge. */
export interface PatientMergesTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  merged_by: string | null;
  merged_at: EpochMs;
  /** JSON object: demographic field -> 'survivor' | 'merged'. */
  fields: string;
  /** JSON: {survivor:{before,after}, merged:{before,after}, linked:[{table,column,rows}], notDuplicates}. */
  snapshot: string;
  undone_at: EpochMs | null;
  undone_by: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** Derived search index, kept by core/patients/search-index.ts. */
export interface PatientSearchTable {
  key: Generated<number>;
  patient_id: string;
  sort_name: string;
  name_words: string;
  dob: string;
  phones: string;
  mrn: string;
  email: string;
}

export interface PatientPhoneSuffixesTable {
  reversed: string;
  key: number;
}

export interface PatientNamePairsTable {
  word: string;
  other: string;
  sort_name: string;
  key: number;
}

export interface PatientNameTokensTable {
  token: string;
  sort_name: string;
  key: number;
  name_words: string;
}

export type {
  LocationsTable,
  RoomsTable,
  ProvidersTable,
  AppointmentTypesTable,
  AppointmentTypeProvidersTable,
  AvailabilityTemplatesTable,
  AvailabilityExceptionsTable,
  ClinicHolidaysTable,
  AppointmentsTable,
  AppointmentSeriesTable,
  WaitlistEntriesTable,
  AppointmentHistoryTable,
} from './schema-scheduling';

export interface Database
  extends
    SchedulingTables,
    DocumentTables,
    ReminderTables,
    VisitTables,
    BillingTables,
    BackupTables,
    StockTables,
    SyncTables,
    DeskWorkTables,
    ReferralTables {
  clinic_settings: ClinicSettingsTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  audit_lookup: AuditLookupTable;
  audit_chains: AuditChainsTable;
  schema_migrations: SchemaMigrationsTable;
  patient_settings: PatientSettingsTable;
  patients: PatientsTable;
  patient_phones: PatientPhonesTable;
  patient_contacts: PatientContactsTable;
  patient_allergies: PatientAllergiesTable;
  patient_alerts: PatientAlertsTable;
  patient_insurance: PatientInsuranceTable;
  patient_not_duplicates: PatientNotDuplicatesTable;
  patient_merges: PatientMergesTable;
  patient_search: PatientSearchTable;
  patient_name_tokens: PatientNameTokensTable;
  patient_phone_suffixes: PatientPhoneSuffixesTable;
  patient_name_pairs: PatientNamePairsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type ClinicSettingsRow = Selectable<ClinicSettingsTable>;
export type PatientRow = Selectable<PatientsTable>;
export type NewPatient = Insertable<PatientsTable>;
export type PatientPhoneRow = Selectable<PatientPhonesTable>;
export type PatientContactRow = Selectable<PatientContactsTable>;
export type PatientAllergyRow = Selectable<PatientAllergiesTable>;
export type PatientAlertRow = Selectable<PatientAlertsTable>;
export type PatientInsuranceRow = Selectable<PatientInsuranceTable>;
export type PatientNotDuplicateRow = Selectable<PatientNotDuplicatesTable>;
export type PatientMergeRow = Selectable<PatientMergesTable>;
export type LocationRow = Selectable<LocationsTable>;
export type RoomRow = Selectable<RoomsTable>;
export type ProviderRow = Selectable<ProvidersTable>;
export type AppointmentTypeRow = Selectable<AppointmentTypesTable>;
export type AvailabilityTemplateRow = Selectable<AvailabilityTemplatesTable>;
export type AvailabilityExceptionRow = Selectable<AvailabilityExceptionsTable>;
export type ClinicHolidayRow = Selectable<ClinicHolidaysTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type NewAppointment = Insertable<AppointmentsTable>;
export type AppointmentUpdate = Updateable<AppointmentsTable>;
export type AppointmentSeriesRow = Selectable<AppointmentSeriesTable>;
export type WaitlistEntryRow = Selectable<WaitlistEntriesTable>;
